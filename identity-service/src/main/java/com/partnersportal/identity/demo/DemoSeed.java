package com.partnersportal.identity.demo;

import com.partnersportal.identity.apitoken.ApiTokens;
import com.partnersportal.identity.merchant.MerchantRepository;
import com.partnersportal.identity.user.User;
import com.partnersportal.identity.user.UserRepository;
import com.partnersportal.identity.user.UserStatus;
import com.partnersportal.kit.deployment.DeploymentProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the sandbox's demo merchant, its admin and a merchant API token at start, and writes working
 * credentials to {@code portal.demo.seed-file}. Each start sets a fresh admin password and API token
 * (revoking the previous token), so the file always matches the database. Refuses to run in production.
 */
@Component
@ConditionalOnExpression("'${portal.demo.seed-file:}' != ''")
class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MerchantRepository merchants;
    private final UserRepository users;
    private final ApiTokens apiTokens;
    private final TransactionTemplate transaction;
    private final DeploymentProperties deployment;
    private final JsonMapper json;
    private final Clock clock;
    private final Path seedFile;

    DemoSeed(MerchantRepository merchants, UserRepository users, ApiTokens apiTokens, TransactionTemplate transaction,
            DeploymentProperties deployment, JsonMapper json, Clock clock,
            @Value("${portal.demo.seed-file}") Path seedFile) {
        this.merchants = merchants;
        this.users = users;
        this.apiTokens = apiTokens;
        this.transaction = transaction;
        this.deployment = deployment;
        this.json = json;
        this.clock = clock;
        this.seedFile = seedFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!deployment.environment().isSandbox()) {
            throw new IllegalStateException("The demo seed runs only in sandbox mode; unset portal.demo.seed-file");
        }
        DemoCredentials credentials = transaction.execute(status -> seed());
        write(credentials);
        log.info("Demo merchant {} seeded; credentials written to {}", DemoMerchant.MERCHANT_ID, seedFile);
    }

    private DemoCredentials seed() {
        var merchant = merchants.findById(DemoMerchant.MERCHANT_ID)
                .orElseGet(() -> merchants.save(DemoMerchant.merchant(clock.instant())));
        String password = randomPassword();
        String passwordHash = new BCryptPasswordEncoder().encode(password);
        User admin = users.findByEmail(DemoMerchant.ADMIN_EMAIL)
                .map(existing -> existing.withPasswordHash(passwordHash))
                .orElseGet(() -> new User(DemoMerchant.ADMIN_ID, merchant.id(), DemoMerchant.ADMIN_EMAIL, "Demo Admin",
                        "ADMIN", passwordHash, UserStatus.ACTIVE, "en", clock.instant(), null));
        admin = users.save(admin);
        ApiTokens.IssuedToken token = apiTokens.reissue(merchant.id(), DemoMerchant.API_TOKEN_NAME, "sandbox");
        return new DemoCredentials("sandbox",
                new DemoCredentials.Merchant(merchant.id(), merchant.nameEn(), "X-Merchant-Id: " + merchant.id()),
                merchant.legalEntities().stream()
                        .sorted(Comparator.comparing(entity -> entity.countryCode(), Comparator.reverseOrder()))
                        .map(entity -> new DemoCredentials.Entity(entity.id(), entity.legalNameEn(),
                                entity.countryCode(), entity.currency()))
                        .toList(),
                new DemoCredentials.Admin(admin.id(), admin.email(), password),
                new DemoCredentials.ApiToken(token.id(), token.secret()));
    }

    /** Written beside and then moved over the old file, readable by its owner only: it holds secrets. */
    private void write(DemoCredentials credentials) {
        try {
            Path directory = seedFile.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "demo-credentials", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(credentials));
            Files.move(temporary, seedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo credentials to " + seedFile, e);
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return "Demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
