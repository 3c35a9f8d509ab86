"""The answers every API operation may give besides its result, added to the OpenAPI schema.

drf-spectacular documents each operation's 200; these come from the layers around it, the
same for every operation, so a postprocessing hook (SPECTACULAR_SETTINGS) adds them once:
- 400: a filter value the filters refuse (DRF: {"field": ["message"]}), or a query string
  holding NUL (config.middleware: one line of text);
- 404: an unknown id or slug, or a cursor that was not made by the API ({"detail": …});
- 429: an anonymous client over its rate (web.throttling; {"detail": …}, Retry-After).
"""

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
TEXT = {"text/plain": {"schema": {"type": "string"}}}
ERRORS = {
    "400": {
        "description": "A filter value that is refused, with the reason for each.",
        "content": {"application/json": {"schema": FIELD_ERRORS}, **TEXT},
    },
    "404": {
        "description": "No such object, or an invalid cursor.",
        "content": {"application/json": {"schema": DETAIL}},
    },
    "429": {
        "description": "Too many requests from this address; Retry-After says when to ask again.",
        "content": {"application/json": {"schema": DETAIL}},
    },
}


def document_errors(result, generator, request, public):
    """Add ERRORS to each operation of the schema `result` (a drf-spectacular hook)."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for status, response in ERRORS.items():
                operation["responses"].setdefault(status, response)
    return result
