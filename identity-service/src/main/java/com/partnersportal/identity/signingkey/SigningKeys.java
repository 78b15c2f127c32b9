package com.partnersportal.identity.signingkey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.partnersportal.kit.secrets.SecretEncryption;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access-token signing keys (ES256, P-256), kept in the database so that every replica and every restart
 * signs with the same key. One key is current; a rotation retires it and makes a new one current. A retired key
 * stays published until every token it signed has expired (access-token lifetime plus a margin for clock skew).
 * Each replica keeps what it read for {@code key-cache} and reads again after that, or at once when asked for a key
 * id it does not know.
 */
@Component
public class SigningKeys {

    static final String ALGORITHM = JWSAlgorithm.ES256.getName();
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SecretEncryption encryption;
    private final Clock clock;
    private final Duration keyCache;
    private final Duration publishedAfterRetirement;

    private volatile Snapshot snapshot;
    private volatile Instant lastForcedReload = Instant.EPOCH;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transaction, SigningKeyProperties properties,
            SecretEncryption encryption, Clock clock,
            @Value("${portal.identity.access-token-ttl:15m}") Duration accessTokenTtl) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.encryption = encryption;
        this.clock = clock;
        this.keyCache = properties.keyCache();
        this.publishedAfterRetirement = accessTokenTtl.plus(CLOCK_SKEW);
    }

    /** What a replica knows of the keys: the current one (with its private half) and every published public key. */
    private record Snapshot(ECKey current, List<JWK> published, Instant loadedAt) {
    }

    /** A key that is now current, and the one it replaced. */
    public record Rotation(String kid, String previousKid, Instant rotatedAt) {
    }

    /** The key to sign new tokens with. */
    public ECKey current() {
        return snapshot(false).current();
    }

    /** The public keys verifiers may meet in tokens that have not yet expired. */
    public List<JWK> published() {
        return snapshot(false).published();
    }

    /** The published keys, read again from the database (at most every few seconds) if {@code kid} is not among them. */
    public List<JWK> publishedIncluding(String kid) {
        Snapshot known = snapshot(false);
        if (kid == null || known.published().stream().anyMatch(key -> kid.equals(key.getKeyID()))) {
            return known.published();
        }
        Instant now = clock.instant();
        if (Duration.between(lastForcedReload, now).compareTo(UNKNOWN_KID_RELOAD_INTERVAL) < 0) {
            return known.published();
        }
        lastForcedReload = now;
        return snapshot(true).published();
    }

    /** Makes a new key current. Tokens signed with the old one stay valid until they expire. */
    public Rotation rotate() {
        Rotation rotation = transaction.execute(status -> {
            lockKeys();
            Instant now = clock.instant();
            String previous = jdbc.sql("SELECT kid FROM signing_key WHERE retired_at IS NULL").query(String.class)
                    .optional().orElse(null);
            jdbc.sql("UPDATE signing_key SET retired_at = :now WHERE retired_at IS NULL")
                    .param("now", Timestamp.from(now)).update();
            String kid = insertNewKey(now);
            return new Rotation(kid, previous, now);
        });
        snapshot = null;
        return rotation;
    }

    private Snapshot snapshot(boolean forceReload) {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        if (!forceReload && known != null && known.loadedAt().plus(keyCache).isAfter(now)
                && !known.loadedAt().isAfter(now)) {
            return known;
        }
        Snapshot loaded = load(now);
        snapshot = loaded;
        return loaded;
    }

    private Snapshot load(Instant now) {
        return transaction.execute(status -> {
            if (currentRow().isEmpty()) {
                lockKeys();
                if (currentRow().isEmpty()) {
                    insertNewKey(now);
                }
            }
            StoredKey current = currentRow().orElseThrow();
            List<JWK> published = jdbc.sql("""
                            SELECT public_jwk FROM signing_key
                            WHERE retired_at IS NULL OR retired_at > :cutoff ORDER BY created_at DESC""")
                    .param("cutoff", Timestamp.from(now.minus(publishedAfterRetirement)))
                    .query(String.class).list().stream().map(SigningKeys::parse).toList();
            try {
                ECKey currentKey = ECKey.parse(encryption.decrypt(current.privateKeyEncrypted(), current.kid()));
                return new Snapshot(currentKey, published, now);
            } catch (ParseException e) {
                throw new IllegalStateException("Signing key " + current.kid() + " is not a valid EC JWK", e);
            }
        });
    }

    private record StoredKey(String kid, byte[] privateKeyEncrypted) {
    }

    private Optional<StoredKey> currentRow() {
        return jdbc.sql("SELECT kid, private_key_encrypted FROM signing_key WHERE retired_at IS NULL")
                .query((rs, n) -> new StoredKey(rs.getString("kid"), rs.getBytes("private_key_encrypted")))
                .optional();
    }

    /** Replicas starting together, or rotating while another starts, take turns. */
    private void lockKeys() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identity.signing_key'))").query(Object.class).list();
    }

    private String insertNewKey(Instant now) {
        String kid = UUID.randomUUID().toString();
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).issueTime(Date.from(now)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
        jdbc.sql("""
                        INSERT INTO signing_key (kid, algorithm, public_jwk, private_key_encrypted, created_at)
                        VALUES (:kid, :algorithm, :publicJwk, :privateKey, :createdAt)""")
                .param("kid", kid)
                .param("algorithm", ALGORITHM)
                .param("publicJwk", key.toPublicJWK().toJSONString())
                .param("privateKey", encryption.encrypt(key.toJSONString(), kid))
                .param("createdAt", Timestamp.from(now))
                .update();
        return kid;
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A published signing key is not a valid JWK", e);
        }
    }
}
