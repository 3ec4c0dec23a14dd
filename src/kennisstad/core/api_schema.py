"""How the API documents itself: the errors every operation can answer, If-Match on versioned
writes, list filters' choices and bounds, and the country list named once (``CountryEnum``)."""

from django import forms
from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.permissions import SAFE_METHODS

from .api import ErasableChoiceField

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The ETag (version) you read, e.g. "3". Required unless the body has `version`.',
)


def versioned_schema(viewset_class):
    """Document If-Match on the writing endpoints of a versioned viewset."""
    return extend_schema_view(
        update=extend_schema(parameters=[IF_MATCH]),
        partial_update=extend_schema(parameters=[IF_MATCH]),
        destroy=extend_schema(parameters=[IF_MATCH]),
    )(viewset_class)


ERROR_BODY = {
    "description": "`detail` for the whole request, or messages per field; a bare list of "
    "messages when the request as a whole is refused.",
    "oneOf": [
        {
            "type": "object",
            "properties": {"detail": {"type": "string"}},
            "additionalProperties": True,
        },
        {"type": "array", "items": {"type": "string"}},
    ],
}
ERRORS = {
    400: "The request is invalid: the body names each field (or query parameter) and why.",
    401: "The credentials sent are invalid, or this needs a login.",
    403: "The caller may not do this.",
    404: "No such record, or not one the caller may see; or a page past the last.",
    409: "The `version` sent is stale, or the record is still referred to.",
    412: "The If-Match version is stale (someone saved since you read it).",
    415: "The body is not in a media type this operation reads (JSON, a form or multipart).",
    428: "No version sent (If-Match header or `version` field), or If-Match: *.",
}


def field_value(value):
    """A form field's bound as a JSON number (django-filter's bounds are Decimals)."""
    return int(value) if float(value).is_integer() else float(value)


VERSIONED_ACTIONS = {"update", "partial_update", "destroy"}


class AutoSchema(openapi.AutoSchema):
    """Every operation documents the errors it can answer, once for every viewset: 400, 401, 403
    and 404 everywhere, 409 on writes, 415 where a body is read, 412 and 428 where a version is
    required (If-Match). Reads of public records need no login."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = {400, 401, 403, 404}
        if self.method not in SAFE_METHODS:
            codes.add(409)
        if self.method in {"POST", "PUT", "PATCH"}:
            codes.add(415)
        if getattr(self.view, "action", None) in VERSIONED_ACTIONS or any(
            parameter.get("name") == "If-Match" for parameter in self._get_parameters()
        ):
            codes |= {412, 428}
        error = ResolvedComponent(
            name="Error", type=ResolvedComponent.SCHEMA, schema=ERROR_BODY, object="Error"
        )
        self.registry.register_on_missing(error)
        for code in sorted(codes):
            responses.setdefault(
                str(code),
                {
                    "content": {"application/json": {"schema": error.ref}},
                    "description": ERRORS[code],
                },
            )
        return responses

    def _get_parameters(self):
        """List filters document what their form fields accept: the choices of a choice, the
        bounds of a number (django-filter's own mapping leaves both out)."""
        parameters = super()._get_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        if filterset is None or self.method != "GET":
            return parameters
        for parameter in parameters:
            found = filterset.base_filters.get(parameter.get("name"))
            if parameter.get("in") != "query" or found is None:
                continue
            field, schema = found.field, parameter["schema"]
            if isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.ModelChoiceField
            ):
                values = [str(value) for value, _label in field.choices if value not in ("", None)]
                if values and schema.get("type") == "string" and "enum" not in schema:
                    countries = {code for code, _name in country_choices()}
                    if set(values) == countries:
                        parameter["schema"] = {"$ref": "#/components/schemas/CountryEnum"}
                    else:
                        schema["enum"] = values
            for bound, key in (("min_value", "minimum"), ("max_value", "maximum")):
                if getattr(field, bound, None) is not None:
                    schema[key] = field_value(getattr(field, bound))
        return parameters

    def get_auth(self):
        auths = super().get_auth()
        if getattr(self.view, "public_read", False) and self.method in SAFE_METHODS and auths:
            auths.append({})  # anonymous callers read public records
        return auths


class ErasableChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = ErasableChoiceField

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction != "response":
            return schema
        null = ResolvedComponent(
            name="NullEnum",
            type=ResolvedComponent.SCHEMA,
            schema={"enum": [None]},
            object="NullEnum",
        )
        auto_schema.registry.register_on_missing(null)
        return {"oneOf": [schema, null.ref]}


def country_choices() -> list[tuple[str, str]]:
    """The ISO 3166 country list, named once in the OpenAPI schema (``CountryEnum``)."""
    from django_countries import countries

    return [(code, name) for code, name in countries]
