package io.agentic.auth.user;

import java.util.List;

/** One page of a list, as every list in the API answers. */
record UserPage(List<UserView> items, int page, int size, long total) {}
