package dev.essayist.content.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.ErrorUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.error.PSystemError;

/**
 * PlantUML source to SVG, at index time, laid out by PlantUML's pure-Java port of Graphviz
 * ({@code !pragma layout smetana}), so no {@code dot} binary is needed.
 *
 * <p>PlantUML runs in its {@code SANDBOX} security profile: {@code !include}, {@code !includeurl}
 * and every other way to read a file or a URL fail as a diagram error, so a diagram can reach
 * nothing outside its own text. PlantUML's classes are loaded on the first diagram only (the
 * first takes about half a second, later ones a few milliseconds), so bodies without diagrams
 * never pay for it. One diagram is drawn at a time: PlantUML does not document its API as
 * thread-safe, files are indexed in parallel, and a warm diagram takes milliseconds.
 */
final class PlantUml {

    private static final String PRAGMA = "!pragma layout smetana";

    private PlantUml() {
    }

    /** The result of rendering one diagram: SVG text, or the 0-based line of the author's text at fault. */
    sealed interface Result permits Svg, Failure {
    }

    /** @param svg the diagram as PlantUML wrote it */
    record Svg(String svg) implements Result {
    }

    /**
     * @param line    0-based line of the author's text the error is on
     * @param message PlantUML's description of the error
     */
    record Failure(int line, String message) implements Result {
    }

    /**
     * @param source the text of a {@code plantuml} fence: a diagram with or without
     *               {@code @startuml}/{@code @enduml}
     * @return the SVG, or the error and its line
     */
    static synchronized Result render(String source) {
        Sandbox.ensure();
        boolean own = source.startsWith("@start");
        String text = own ? source : "@startuml\n" + source + "\n@enduml\n";
        // The layout pragma goes right after the @start line.
        int afterStart = text.indexOf('\n') + 1;
        text = text.substring(0, afterStart) + PRAGMA + "\n" + text.substring(afterStart);
        try {
            SourceStringReader reader = new SourceStringReader(text);
            List<BlockUml> blocks = reader.getBlocks();
            if (blocks.isEmpty()) {
                return new Failure(0, "no diagram found between @startuml and @enduml");
            }
            if (blocks.get(0).getDiagram() instanceof PSystemError error) {
                int position = error.getLineLocation() == null ? 0 : error.getLineLocation().getPosition();
                // PlantUML counts from 0 over the text it was given: the author's own @start line (or
                // ours), then the pragma, then the author's lines.
                int line = own ? (position == 0 ? 0 : position - 1) : Math.max(0, position - 2);
                return new Failure(line, error.getErrorsUml().stream().map(ErrorUml::getError).distinct()
                        .reduce((a, b) -> a + "; " + b).orElse("syntax error"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            reader.outputImage(out, new FileFormatOption(FileFormat.SVG));
            return new Svg(out.toString(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new Failure(0, "PlantUML failed: " + e);
        }
    }

    /** Sets PlantUML's security profile before its first class reads it. */
    private static final class Sandbox {
        static {
            if (System.getProperty("PLANTUML_SECURITY_PROFILE") == null) {
                System.setProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
            }
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true"); // PlantUML measures text with AWT fonts
            }
        }

        static void ensure() {
            // Loading this class runs the static block once.
        }
    }
}
