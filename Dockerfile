# sohoa for docker-compose.yml: the application (CMD run) or an OCR worker (CMD ocr-worker); Elasticsearch,
# MinIO and Artemis are their own services.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY config config
COPY core core
COPY engines engines
COPY ocr-worker ocr-worker
COPY pipeline pipeline
COPY search-api search-api
COPY app app
RUN mvn -q -B install -DskipTests

# Debian bookworm: Tesseract 5.3 and Leptonica 1.82, the versions Tess4J 5.7 binds to.
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /data sohoa && mkdir -p /data && chown sohoa /data
COPY --from=build /src/app/target/sohoa/lib /opt/sohoa/lib
USER sohoa
ENV OMP_THREAD_LIMIT=1 SOHOA_DATA_DIR=/data SOHOA_HTTP_HOST=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx2g", "-XX:TieredStopAtLevel=1", "-XX:G1HeapRegionSize=4m", "-cp", "/opt/sohoa/lib/*", "vn.sohoa.app.SohoaCli"]
CMD ["run"]
