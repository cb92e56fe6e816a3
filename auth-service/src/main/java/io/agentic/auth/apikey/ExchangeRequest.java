package io.agentic.auth.apikey;

/** What the gateway sends to exchange a key. */
record ExchangeRequest(String key) {

  @Override
  public String toString() {
    return "ExchangeRequest[key=***]";
  }
}
