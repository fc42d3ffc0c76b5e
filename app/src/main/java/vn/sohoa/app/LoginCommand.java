package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./sohoa login USER}: signs in once and saves a token for the other commands. */
@Command(name = "login", description = "Signs in and saves a token (valid 90 days) for ingest, search, verify, reindex and user.")
final class LoginCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", description = "Login name (asked when missing).")
    String username;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Address of the running sohoa.")
    String url;

    @Option(names = "--days", defaultValue = "90", description = "How long the token stays valid (at most 365).")
    int days;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String name = username != null ? username : Console.line("Tên đăng nhập / username: ");
        String password = Console.secret("Mật khẩu / password: ");
        ApiClient anonymous = new ApiClient(url, null);
        ApiClient.BrowserSession session = anonymous.signIn(name, password);
        JsonNode token = anonymous.withSession(session).send("POST", "/api/tokens",
                Map.of("name", "sohoa login " + java.net.InetAddress.getLocalHost().getHostName(), "days", days));
        Path saved = SavedToken.save(token.path("token").asText());
        out.printf("Đã đăng nhập là %s; mã truy cập lưu ở %s (hết hạn %s).%n", name, saved,
                token.path("expiresAt").asText());
        return 0;
    }

    /** Reading from the terminal without echo, or from standard input when there is none (scripts). */
    static final class Console {
        private static BufferedReader stdin;
        private static java.io.InputStream readFrom;

        static String line(String prompt) throws IOException {
            java.io.Console console = System.console();
            if (console != null) {
                return console.readLine(prompt);
            }
            return stdin().readLine();
        }

        static String secret(String prompt) throws IOException {
            java.io.Console console = System.console();
            if (console != null) {
                char[] secret = console.readPassword(prompt);
                return secret == null ? "" : new String(secret);
            }
            String line = stdin().readLine();
            return line == null ? "" : line;
        }

        private static BufferedReader stdin() {
            if (stdin == null || readFrom != System.in) {
                readFrom = System.in;
                stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            return stdin;
        }
    }
}
