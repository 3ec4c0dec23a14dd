// A real OpenID Connect provider (the npm package oidc-provider) for the end-to-end sign-in tests
// (test_oidc_end_to_end.py). It listens on a free port of 127.0.0.1 and prints one JSON line,
// {"issuer": "http://127.0.0.1:<port>"}, once it is ready; it stops when its standard input closes.
//
// Configuration, one JSON object in the environment variable OIDC_TEST_CONFIG:
//   {"client_id": "...", "client_secret": "...", "redirect_uris": [...],
//    "post_logout_redirect_uris": [...], "users": {"alice": {"email": ..., "groups": [...]}}}
// The login page asks for nothing but a login name (one of the users): the test posts it.
//
// Knobs for what a provider may send and Kennisstad must refuse. A user's "tamper" field changes
// the ID token the token endpoint returns, re-signed with the provider's own key (so only the
// check under test can catch it):
//   "audience"  - aud is another client          "expired" - exp two hours ago
//   "issuer"    - iss is another provider        "nonce"   - the nonce of another request
//   "signature" - signed with a key the provider never published (same kid)
// PUT /__test__/users/<login> with a JSON object replaces that user (claims and tamper), so a test
// can move someone to another group between two sign-ins.
//
// By hand (try the login page; the provider runs until Ctrl-C):
//   OIDC_TEST_CONFIG='{"client_id": "kennisstad", "client_secret": "dev", "redirect_uris":
//     ["http://127.0.0.1:8000/accounts/oidc/callback/"], "users": {"anna": {"given_name": "Anna",
//     "groups": ["team"]}}}' node src/kennisstad/accounts/tests/oidc_provider.mjs
//   OIDC_ISSUER=<the printed issuer> OIDC_CLIENT_ID=kennisstad OIDC_CLIENT_SECRET=dev \
//     OIDC_SCOPES="openid email profile groups" OIDC_GROUP_ROLES='{"team": "team"}' make run
import http from 'node:http';

import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK } from 'jose';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG || '{}');
const users = { ...(config.users || {}) };

async function signingKeys() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const stranger = await generateKeyPair('RS256', { extractable: true });
  return { jwk, strangerKey: stranger.privateKey };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function send(res, status, body, type = 'text/html; charset=utf-8') {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

async function tamperIdToken(idToken, tamper, keys) {
  const header = decodeProtectedHeader(idToken);
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  let key = await importJWK(keys.jwk, 'RS256');
  if (tamper === 'audience') claims.aud = 'another-client';
  if (tamper === 'expired') { claims.iat = now - 3 * 3600; claims.exp = now - 2 * 3600; }
  if (tamper === 'issuer') claims.iss = 'https://another-provider.example';
  if (tamper === 'nonce') claims.nonce = 'a-nonce-of-another-request';
  if (tamper === 'signature') key = keys.strangerKey;
  return new SignJWT(claims).setProtectedHeader({ alg: header.alg, kid: header.kid, typ: header.typ })
    .sign(key);
}

async function interaction(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const uid = details.uid;
  if (req.method === 'GET') {
    return send(res, 200, `<!doctype html><title>Test provider</title>
<form method="post" action="/interaction/${uid}"><input name="login"><button>Sign in</button></form>`);
  }
  const login = new URLSearchParams(await readBody(req)).get('login');
  if (!users[login]) return send(res, 400, 'unknown user');
  const { params } = details;
  const grant = new provider.Grant({ accountId: login, clientId: params.client_id });
  grant.addOIDCScope(params.scope);
  if (details.prompt.details.missingOIDCClaims) {
    grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
  }
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } }, {
    mergeWithLastSubmission: false,
  });
}

async function main() {
  const keys = await signingKeys();
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: config.redirect_uris,
      post_logout_redirect_uris: config.post_logout_redirect_uris || [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [keys.jwk] },
    cookies: { keys: ['kennisstad-test-only'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      groups: ['groups'],
    },
    pkce: { required: () => false },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (ctx, interactionRecord) => `/interaction/${interactionRecord.uid}` },
    async findAccount(ctx, sub) {
      if (!users[sub]) return undefined;
      return {
        accountId: sub,
        async claims() {
          const { tamper, ...claims } = users[sub];
          return { sub, email_verified: true, ...claims };
        },
      };
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
  provider.proxy = false;

  // The knobs: change the ID token of a tampering user on its way out of the token endpoint.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.body && ctx.body.id_token) {
      const { sub } = decodeJwt(ctx.body.id_token);
      const tamper = users[sub] && users[sub].tamper;
      if (tamper) ctx.body = { ...ctx.body, id_token: await tamperIdToken(ctx.body.id_token, tamper, keys) };
    }
  });

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    try {
      const match = req.url.match(/^\/__test__\/users\/([^/?]+)$/);
      if (match && req.method === 'PUT') {
        users[decodeURIComponent(match[1])] = JSON.parse(await readBody(req));
        return send(res, 204, '');
      }
      if (req.url.startsWith('/interaction/')) return await interaction(provider, req, res);
      return callback(req, res);
    } catch (error) {
      process.stderr.write(`${error.stack}\n`);
      return send(res, 500, String(error), 'text/plain');
    }
  });

  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => server.close(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
