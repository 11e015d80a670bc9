package dev.cria.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an ID token as OpenID Connect Core 3.1.3.7 asks: signed (RSA or EC, never {@code none}) by
 * a key of the provider's JWKS, issued by the configured issuer, for this client ({@code aud}, and
 * {@code azp} when there are several audiences), not expired, and carrying the nonce this browser's
 * login started with.
 */
final class IdTokenCheck {

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384);
  private static final int TIMEOUT_MS = 10_000;
  private static final int SIZE_LIMIT = 512 * 1024;

  private final String issuer;
  private final String clientId;
  private final JWKSource<SecurityContext> keys;

  /** The claims of a token that passed; what the login needs of them. */
  record Identity(String subject, String email, boolean emailVerified, List<String> groups) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

    /**
     * Who the session is for, and the channel of their web conversation keys: the verified e-mail
     * address, else the subject; one with other characters (a ':' would break the key) is named by
     * a hash of the subject instead.
     */
    String user() {
      String name = emailVerified && email != null ? email.toLowerCase(Locale.ROOT) : subject;
      return PLAIN.matcher(name).matches()
          ? name
          : "sub-" + WebSessions.hash(subject).substring(0, 16);
    }
  }

  /** Why a token was refused, in words safe to log and to show. */
  static final class RefusedToken extends Exception {
    RefusedToken(String message) {
      super(message);
    }
  }

  IdTokenCheck(String issuer, String clientId, URI jwksUri) {
    this.issuer = issuer;
    this.clientId = clientId;
    try {
      this.keys =
          JWKSourceBuilder.<SecurityContext>create(
                  jwksUri.toURL(), new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT))
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a URL: " + jwksUri, e);
    }
  }

  Identity check(String idToken, String nonce) throws RefusedToken {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            clientId,
            new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(),
            Set.of("sub", "iat", "exp")));
    JWTClaimsSet claims;
    try {
      claims = processor.process(idToken, null);
    } catch (BadJWSException e) {
      throw new RefusedToken("the ID token's signature does not match the provider's keys");
    } catch (BadJOSEException e) {
      throw new RefusedToken("the ID token was refused: " + e.getMessage());
    } catch (ParseException e) {
      throw new RefusedToken("the ID token is not a signed JWT");
    } catch (JOSEException e) {
      throw new RefusedToken("the ID token could not be checked: " + e.getMessage());
    }
    List<String> audience = claims.getAudience();
    Object azp = claims.getClaim("azp");
    if (audience.size() > 1 && !clientId.equals(azp)) {
      throw new RefusedToken("the ID token was issued to another client (azp)");
    }
    try {
      List<String> groups = claims.getStringListClaim("groups");
      Boolean verified = claims.getBooleanClaim("email_verified");
      return new Identity(
          claims.getSubject(),
          claims.getStringClaim("email"),
          !Boolean.FALSE.equals(verified),
          groups == null ? List.of() : groups);
    } catch (ParseException e) {
      throw new RefusedToken("the ID token has a malformed email or groups claim");
    }
  }
}
