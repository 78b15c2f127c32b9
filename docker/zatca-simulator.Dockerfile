# The ZATCA simulator (module zatca-simulator), a stand-in for ZATCA's Fatoora sandbox that settlement-service
# onboards with and clears its tax documents through when it runs in sandbox mode (docs/zatca.md).
#   docker build -f docker/zatca-simulator.Dockerfile .
# The build context is the repository root.

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /workspace
COPY pom.xml ./
COPY zatca-simulator/pom.xml zatca-simulator/
RUN mvn -B --no-transfer-progress -f zatca-simulator/pom.xml dependency:go-offline
COPY zatca-simulator/src zatca-simulator/src
RUN mvn -B --no-transfer-progress -f zatca-simulator/pom.xml -DskipTests package \
 && cp zatca-simulator/target/zatca-simulator-*.jar zatca-simulator/target/lib/

FROM eclipse-temurin:25-jre
# curl is used by the container health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 portal \
 && useradd --system --uid 10001 --gid portal --no-create-home --shell /usr/sbin/nologin portal \
 && mkdir -p /var/lib/zatca-simulator && chown portal:portal /var/lib/zatca-simulator
WORKDIR /app
COPY --from=build /workspace/zatca-simulator/target/lib/ lib/
USER portal
EXPOSE 8086
# Port, state directory (its CA key), production CSID validity, address to listen on.
ENTRYPOINT ["java", "-Xmx128m", "-cp", "/app/lib/*", "com.partnersportal.zatcasim.ZatcaSimulator", \
    "8086", "/var/lib/zatca-simulator", "P365D", "0.0.0.0"]
