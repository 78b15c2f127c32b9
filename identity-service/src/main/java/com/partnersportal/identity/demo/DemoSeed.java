package com.partnersportal.identity.demo;

import com.partnersportal.identity.apitoken.ApiTokens;
import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.merchant.Merchant;
import com.partnersportal.identity.merchant.Merchants;
import com.partnersportal.identity.password.PasswordHasher;
import com.partnersportal.identity.role.BuiltInRole;
import com.partnersportal.identity.secondfactor.SecondFactors;
import com.partnersportal.identity.secondfactor.TeamPolicy;
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
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the sandbox's demo merchant (announced as {@code MerchantRegistered} and {@code LegalEntityRegistered} when
 * first created, so that other services learn it), its admin, the demo operator and a merchant API token at start,
 * and writes working credentials to {@code portal.demo.seed-file}. Each start sets fresh passwords and a fresh API
 * token (revoking the previous one), and removes any second factor of the demo admin and operator (and the demo
 * team's requirement of one), so the file always signs in. Refuses to run in production.
 */
@Component
@ConditionalOnExpression("'${portal.demo.seed-file:}' != ''")
class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Merchants merchants;
    private final UserRepository users;
    private final ApiTokens apiTokens;
    private final SecondFactors secondFactors;
    private final TeamPolicy teamPolicy;
    private final PasswordHasher passwords;
    private final TransactionTemplate transaction;
    private final DeploymentProperties deployment;
    private final JsonMapper json;
    private final Clock clock;
    private final Path seedFile;

    DemoSeed(Merchants merchants, UserRepository users, ApiTokens apiTokens, SecondFactors secondFactors,
            TeamPolicy teamPolicy, PasswordHasher passwords,
            TransactionTemplate transaction, DeploymentProperties deployment, JsonMapper json, Clock clock,
            @Value("${portal.demo.seed-file}") Path seedFile) {
        this.merchants = merchants;
        this.users = users;
        this.apiTokens = apiTokens;
        this.secondFactors = secondFactors;
        this.teamPolicy = teamPolicy;
        this.passwords = passwords;
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
        String adminPassword = randomPassword();
        String operatorPassword = randomPassword();
        String adminHash = passwords.hash(adminPassword);
        String operatorHash = passwords.hash(operatorPassword);
        DemoCredentials credentials = transaction.execute(status -> seed(adminPassword, adminHash, operatorPassword,
                operatorHash));
        write(credentials);
        log.info("Demo merchant {} seeded; credentials written to {}", DemoMerchant.MERCHANT_ID, seedFile);
    }

    private DemoCredentials seed(String adminPassword, String adminHash, String operatorPassword, String operatorHash) {
        Merchant merchant = merchants.find(DemoMerchant.MERCHANT_ID).orElseGet(this::registerMerchant);
        User admin = users.save(users.findByEmail(DemoMerchant.ADMIN_EMAIL)
                .map(existing -> existing.withPasswordHash(adminHash))
                .orElseGet(() -> newUser(DemoMerchant.ADMIN_ID, merchant.id(), DemoMerchant.ADMIN_EMAIL, "Demo Admin",
                        BuiltInRole.ADMIN, adminHash)));
        User operator = users.save(users.findByEmail(DemoMerchant.OPERATOR_EMAIL)
                .map(existing -> existing.withPasswordHash(operatorHash))
                .orElseGet(() -> newUser(DemoMerchant.OPERATOR_ID, null, DemoMerchant.OPERATOR_EMAIL, "Demo Operator",
                        BuiltInRole.OPERATOR_ROLE, operatorHash)));
        // The file promises a password sign-in: no second factor for the demo admin and operator, none required.
        secondFactors.removeSilently(admin.id());
        secondFactors.removeSilently(operator.id());
        teamPolicy.liftSilently(merchant.id());
        ApiTokens.IssuedToken token = apiTokens.reissue(merchant.id(), DemoMerchant.API_TOKEN_NAME, "sandbox");
        return new DemoCredentials("sandbox",
                new DemoCredentials.Merchant(merchant.id(), merchant.nameEn()),
                merchants.legalEntitiesOf(merchant.id()).stream()
                        .sorted(Comparator.comparing(entity -> entity.countryCode(), Comparator.reverseOrder()))
                        .map(entity -> new DemoCredentials.Entity(entity.id(), entity.legalNameEn(),
                                entity.countryCode(), entity.currency()))
                        .toList(),
                new DemoCredentials.Admin(admin.id(), admin.email(), adminPassword),
                new DemoCredentials.Operator(operator.id(), operator.email(), operatorPassword),
                new DemoCredentials.ApiToken(token.id(), token.secret()));
    }

    private Merchant registerMerchant() {
        Merchant merchant = merchants.register(Actor.system(), DemoMerchant.MERCHANT_ID, DemoMerchant.NAME_EN,
                DemoMerchant.NAME_AR);
        merchants.addLegalEntity(Actor.system(), merchant.id(), DemoMerchant.KSA_ENTITY_ID, DemoMerchant.KSA_ENTITY);
        merchants.addLegalEntity(Actor.system(), merchant.id(), DemoMerchant.UAE_ENTITY_ID, DemoMerchant.UAE_ENTITY);
        return merchant;
    }

    private User newUser(UUID id, UUID merchantId, String email, String name, BuiltInRole role, String hash) {
        return new User(id, merchantId, email, name, role.key(), null, hash, UserStatus.ACTIVE, "en", clock.instant(),
                Set.of(), null);
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
