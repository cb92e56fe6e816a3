/** Register, login, refresh and logout: the endpoints that hand out and end tokens. */
package io.agentic.auth.session;
