"""The international newsletter: double opt-in subscribers, editions, batched sending."""
