package io.agentic.auth.apikey;

import java.util.List;

/**
 * @param scopes what the key may do; absent: everything the creator's role allows
 */
record CreateApiKeyRequest(String name, List<String> scopes) {}
