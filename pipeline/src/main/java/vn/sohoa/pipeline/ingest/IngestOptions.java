package vn.sohoa.pipeline.ingest;

/**
 * @param concurrency   files OCRed at once (their pages share the OCR pool); files read without OCR are archived beside them
 * @param stableMillis  how long a file's size and modification time must stay unchanged before it is taken
 * @param batchCron     Quartz cron of the nightly batch, for example {@code 0 0 1 * * ?}
 * @param engineRetries retries, with growing delays, while an engine is unreachable, before the file waits for the next poll
 */
public record IngestOptions(int concurrency, long stableMillis, String batchCron, int engineRetries) {
}
