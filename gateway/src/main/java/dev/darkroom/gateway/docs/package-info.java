/**
 * The API's own description, public: the OpenAPI document at {@code GET /v1/openapi.json} and the reference
 * rendered from it at {@code GET /docs}.
 */
package dev.darkroom.gateway.docs;
