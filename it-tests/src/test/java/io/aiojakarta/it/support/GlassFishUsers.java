package io.aiojakarta.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Adds users to the file realm of the GlassFish the tests run, through its {@code asadmin} (the
 * realm can only be changed through the running admin server). Idempotent.
 */
public final class GlassFishUsers {

    private GlassFishUsers() {
    }

    /**
     * Adds a user unless it exists.
     *
     * @param name the user
     * @param password its password
     * @param groups its groups, separated by colons
     * @throws IOException when asadmin cannot run or fails for another reason than an existing user
     * @throws InterruptedException when interrupted while asadmin runs
     */
    public static void add(String name, String password, String groups) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("glassfish.home"), "glassfish");
        Path passwords = Files.createTempFile("asadmin", ".txt");
        try {
            Files.writeString(passwords, "AS_ADMIN_PASSWORD=\nAS_ADMIN_USERPASSWORD=" + password + "\n", StandardCharsets.UTF_8);
            Process asadmin = new ProcessBuilder(home.resolve("bin/asadmin").toString(), "--user", "admin",
                    "--passwordfile", passwords.toString(), "create-file-user", "--groups", groups, name)
                    .redirectErrorStream(true).start();
            String output = new String(asadmin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!asadmin.waitFor(60, TimeUnit.SECONDS)) {
                asadmin.destroyForcibly();
                throw new IOException("asadmin create-file-user " + name + " did not finish: " + output);
            }
            if (asadmin.exitValue() != 0 && !output.contains("already exists")) {
                throw new IOException("asadmin create-file-user " + name + " failed: " + output);
            }
        } finally {
            Files.deleteIfExists(passwords);
        }
    }
}
