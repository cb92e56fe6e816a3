package io.agentic.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service is its own OAuth2 resource server: it verifies auth-service's ES256 tokens
 * against the published JWKS, never trusting a header the caller could forge. Health and metrics
 * endpoints, and the paths a service lists as public, are open.
 */
@AutoConfiguration(
    before = ServletWebSecurityAutoConfiguration.class,
    after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AgenticSecurityProperties.class)
@EnableWebSecurity
public class ServletSecurityAutoConfiguration implements WebMvcConfigurer {

  private static final String[] OPEN_ENDPOINTS = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/prometheus",
    "/actuator/info",
    "/error",
    "/v3/api-docs",
    "/v3/api-docs/**"
  };

  @Bean
  @ConditionalOnMissingBean(JwtDecoder.class)
  JwtDecoder agenticJwtDecoder(AgenticSecurityProperties properties) throws ParseException {
    NimbusJwtDecoder decoder =
        properties.jwks() == null || properties.jwks().isBlank()
            ? NimbusJwtDecoder.withJwkSetUri(properties.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build()
            : NimbusJwtDecoder.withJwkSource(
                    new ImmutableJWKSet<SecurityContext>(JWKSet.parse(properties.jwks())))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
    decoder.setJwtValidator(AccessTokenValidators.of(properties));
    return VerifiedTokens.kept(decoder, properties);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain agenticSecurityFilterChain(
      HttpSecurity http,
      AgenticSecurityProperties properties,
      JsonMapper json,
      ObjectProvider<TokenDenyList> denyList)
      throws Exception {
    ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
    http.addFilterAfter(new ScopeFilter(json), BearerTokenAuthenticationFilter.class);
    denyList.ifAvailable(
        list ->
            http.addFilterAfter(
                new DenyListFilter(list, json), BearerTokenAuthenticationFilter.class));
    String[] publicPaths = properties.publicPaths().toArray(String[]::new);
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(OPEN_ENDPOINTS).permitAll();
              if (publicPaths.length > 0) {
                auth.requestMatchers(publicPaths).permitAll();
              }
              auth.anyRequest().authenticated();
            })
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> {})
                    .authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.deniedHandler()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.deniedHandler()))
        .build();
  }

  /** The deny-list lives in Redis; every service of the suite has it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(StringRedisTemplate.class)
  static class DenyListConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TokenDenyList agenticTokenDenyList(ObjectProvider<StringRedisTemplate> redis) {
      return new TokenDenyList(redis);
    }
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentUserArgumentResolver());
  }
}
