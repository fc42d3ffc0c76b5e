package vn.sohoa.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code ./sohoa}: run the archive, hand it files, search it. */
@Command(name = "sohoa", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "sohoa 0.1.0",
        description = "Digitising and searching a trade union's paper archive.",
        subcommands = {RunCommand.class, IngestCommand.class, SearchCommand.class, MaintenanceCommands.Verify.class,
            MaintenanceCommands.Reindex.class, LoginCommand.class, UserCommand.class, EvalCommand.class,
            BenchCommand.class, OcrWorkerCommand.class})
public final class SohoaCli {

    public static void main(String[] args) {
        NativeDigests.install();
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, whose failures (sohoa not running, not signed in, a refused request, a missing
     * file) print one line saying why and exit with 1, not a stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new SohoaCli()).setExecutionExceptionHandler((failure, command, parsed) -> {
            String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            command.getErr().println("sohoa: " + message);
            return 1;
        });
    }
}
