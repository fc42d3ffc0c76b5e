package vn.sohoa.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./sohoa user add|list|disable|passwd}: accounts, through the running sohoa's API. */
@Command(name = "user", description = "Accounts: add, list, disable (admins), passwd (your own, or anyone's for admins).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
            UserCommand.Passwd.class})
final class UserCommand {

    static final class Target {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Address of the running sohoa.")
        String url;

        ApiClient api() {
            return new ApiClient(url);
        }
    }

    private static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Command(name = "add", description = "Adds an account; its password is asked, or made and printed with --random-password.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", description = "Login name: a-z, 0-9, '.', '_', '-'.")
        String username;
        @Option(names = "--role", defaultValue = "officer", description = "officer, archivist or admin.")
        String role;
        @Option(names = "--clearance", defaultValue = "none", description = "none, mat, toi-mat or tuyet-mat.")
        String clearance;
        @Option(names = "--name", description = "Display name, e.g. \"Nguyễn Văn An\".")
        String displayName;
        @Option(names = "--random-password", description = "Make a password and print it once.")
        boolean random;
        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            String password = random ? vn.sohoa.api.access.Passwords.random()
                    : LoginCommand.Console.secret("Mật khẩu cho " + username + " / password: ");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("password", password);
            body.put("role", role);
            body.put("clearance", clearance);
            if (displayName != null) {
                body.put("displayName", displayName);
            }
            JsonNode account = target.api().send("POST", "/api/users", body);
            out().printf("Đã thêm %s (%s, mức mật: %s).%s%n", account.path("username").asText(), account.path("role").asText(),
                    account.path("clearance").asText(), random ? " Mật khẩu: " + password + " (người dùng phải đổi khi đăng nhập)" : "");
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            PrintStream out = out();
            for (JsonNode user : target.api().get("/api/users").path("users")) {
                out.printf("%-20s %-10s %-10s %-8s %s%n", user.path("username").asText(), user.path("role").asText(),
                        user.path("clearance").asText(), user.path("enabled").asBoolean() ? "bật" : "đã khóa",
                        user.path("displayName").asText());
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disables an account: it can no longer sign in, its tokens stop working.")
    static final class Disable implements Callable<Integer> {
        @Parameters(index = "0")
        String username;
        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            target.api().send("PATCH", "/api/users/" + username, Map.of("enabled", false));
            out().printf("Đã khóa tài khoản %s.%n", username);
            return 0;
        }
    }

    @Command(name = "passwd", description = "Changes your password, or (admins) sets another user's.")
    static final class Passwd implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", description = "Another user's login name (admins only).")
        String username;
        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            if (username != null) {
                String password = LoginCommand.Console.secret("Mật khẩu mới cho " + username + " / new password: ");
                target.api().send("PATCH", "/api/users/" + username, Map.of("password", password));
                out().printf("Đã đặt mật khẩu mới cho %s; người dùng phải đổi khi đăng nhập.%n", username);
                return 0;
            }
            String current = LoginCommand.Console.secret("Mật khẩu hiện tại / current password: ");
            String next = LoginCommand.Console.secret("Mật khẩu mới / new password: ");
            target.api().send("POST", "/api/account/password", Map.of("currentPassword", current, "newPassword", next));
            out().println("Đã đổi mật khẩu.");
            return 0;
        }
    }
}
