# One image recipe for every Spring Boot service of the platform.
#   docker build -f docker/service.Dockerfile --build-arg MODULE=orders-service --build-arg PORT=8082 .
# The build context is the repository root.

# ---- 1. Build the module and the modules it depends on ----
FROM maven:3.9-eclipse-temurin-25 AS build
ARG MODULE
WORKDIR /workspace
# Node and npm for portal-web (the gateway serves it): the official Node image's build, copied in.
COPY --from=node:20-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:20-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version

# Poms first, so the dependency download below stays cached until a pom changes.
# Every module listed in the root pom must be copied here (ComposeFileTest checks it).
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY platform-types/pom.xml platform-types/
COPY service-kit/pom.xml service-kit/
COPY contract-testkit/pom.xml contract-testkit/
COPY test-support/pom.xml test-support/
COPY orders-contract/pom.xml orders-contract/
COPY identity-contract/pom.xml identity-contract/
COPY settlement-contract/pom.xml settlement-contract/
COPY webhooks-contract/pom.xml webhooks-contract/
COPY zatca-simulator/pom.xml zatca-simulator/
COPY orders-service/pom.xml orders-service/
COPY settlement-service/pom.xml settlement-service/
COPY webhook-dispatcher/pom.xml webhook-dispatcher/
COPY identity-service/pom.xml identity-service/
COPY notification-service/pom.xml notification-service/
COPY portal-web/pom.xml portal-web/
COPY gateway/pom.xml gateway/
COPY local-launcher/pom.xml local-launcher/
RUN test -n "${MODULE}" || (echo "Set --build-arg MODULE=<maven module>" >&2 && exit 1)
RUN mvn -B --no-transfer-progress -pl "${MODULE}" -am dependency:go-offline

# Then the sources.
COPY . .
RUN mvn -B --no-transfer-progress -pl "${MODULE}" -am -DskipTests package \
 && cp "${MODULE}"/target/"${MODULE}"-*.jar /workspace/app.jar

# ---- 2. Split the executable jar into Spring Boot's layers ----
FROM eclipse-temurin:25-jre AS layers
WORKDIR /layers
COPY --from=build /workspace/app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# ---- 3. Runtime image ----
FROM eclipse-temurin:25-jre
ARG PORT=8080

# curl is used by the container health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 portal \
 && useradd --system --uid 10001 --gid portal --no-create-home --shell /usr/sbin/nologin portal

WORKDIR /app
# Least to most frequently changing, so a code change only rebuilds the last layer.
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./

USER portal
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
