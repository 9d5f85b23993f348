package dev.darkroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the first table under a heading of one of the repository's Markdown documents, so a test can hold a document
 * to the code it describes. Cells lose their surrounding backticks. Hand-written: a GitHub table is a few lines of
 * pipes, and a Markdown parser would be a dependency for this alone.
 */
public final class MarkdownTables {

    private MarkdownTables() {}

    /** The repository's root: the nearest directory above the working directory that holds {@code docs/}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /**
     * The rows of the first table after the heading whose text is {@code heading}, each a map from the header's cell
     * text to the row's cell text.
     *
     * @param document a path relative to the repository root, e.g. {@code docs/architecture.md}
     */
    public static List<Map<String, String>> rows(String document, String heading) {
        List<String> lines = read(repositoryRoot().resolve(document));
        int at = headingLine(lines, heading, document);
        while (at < lines.size() && !lines.get(at).startsWith("|")) {
            at++;
        }
        if (at + 1 >= lines.size()) {
            throw new IllegalStateException("no table under '" + heading + "' in " + document);
        }
        List<String> header = cells(lines.get(at));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static int headingLine(List<String> lines, String heading, String document) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("#+ " + java.util.regex.Pattern.quote(heading))) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no heading '" + heading + "' in " + document);
    }

    /** Splits a row on the pipes that are not escaped ({@code \|}) and strips one pair of backticks per cell. */
    static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("(?<!\\\\)\\|"))
                .map(cell -> cell.strip().replace("\\|", "|"))
                .map(cell -> cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`")
                        ? cell.substring(1, cell.length() - 1)
                        : cell)
                .toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
