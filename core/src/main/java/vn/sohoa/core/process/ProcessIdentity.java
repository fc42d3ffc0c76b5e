package vn.sohoa.core.process;

import java.util.Optional;

/**
 * A process as written down for a later start to find: its pid and when it started, so that a later
 * process given the same pid (a restarted container's processes get the same pids again) is not
 * taken for it. Written as {@code "pid start"}; the start is {@code -} where the system does not say.
 */
public record ProcessIdentity(long pid, String start) {

    public static ProcessIdentity of(ProcessHandle process) {
        return new ProcessIdentity(process.pid(), startOf(process));
    }

    public static ProcessIdentity current() {
        return of(ProcessHandle.current());
    }

    /** The identity written in {@code text}; none when it is cut short or not one (its writer was killed while writing it). */
    public static Optional<ProcessIdentity> parse(String text) {
        String[] fields = text.strip().split(" ");
        if (fields.length != 2 || !fields[0].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new ProcessIdentity(Long.parseLong(fields[0]), fields[1]));
    }

    /** The process itself, while it runs. */
    public Optional<ProcessHandle> running() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> startOf(process).equals(start));
    }

    @Override
    public String toString() {
        return pid + " " + start;
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(instant -> Long.toString(instant.toEpochMilli())).orElse("-");
    }
}
