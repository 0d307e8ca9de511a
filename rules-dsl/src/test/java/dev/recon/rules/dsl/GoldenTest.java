package dev.recon.rules.dsl;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden-file tests: {@code golden/check/*.rules} against their diagnostics, {@code
 * golden/plan/*.rules} against their explain output. {@code -Dgolden.update=true} rewrites the
 * {@code .expected} files instead of comparing.
 */
class GoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> check() throws IOException {
        return cases("check", c -> c.format() + c.summary() + "\n");
    }

    @TestFactory
    Stream<DynamicTest> plan() throws IOException {
        return cases(
                "plan",
                c -> {
                    assertThat(c.ok())
                            .as("a plan golden file must compile:\n" + c.format())
                            .isTrue();
                    return c.format() + c.explain();
                });
    }

    private static Stream<DynamicTest> cases(String dir, Function<Compilation, String> render)
            throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(ROOT.resolve(dir))) {
            files = list.filter(p -> p.toString().endsWith(".rules")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream()
                .map(
                        f ->
                                DynamicTest.dynamicTest(
                                        f.getFileName().toString(), () -> run(f, render)));
    }

    private static void run(Path rules, Function<Compilation, String> render) throws IOException {
        String actual = render.apply(RuleCompiler.compile(RuleBundle.fromPath(rules)));
        Path expected = Path.of(rules.toString().replaceAll("\\.rules$", ".expected"));
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.exists(expected))
                .as("%s is missing: run with -Dgolden.update=true and review it", expected)
                .isTrue();
        assertThat(actual).isEqualTo(read(expected));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
