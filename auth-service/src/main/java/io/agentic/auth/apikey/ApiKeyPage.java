package io.agentic.auth.apikey;

import java.util.List;

/** One page of the caller's keys, as every list in the API answers. */
record ApiKeyPage(List<ApiKeyView> items, int page, int size, long total) {}
