package dev.gwc.testing;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.Approvals;
import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.core.Options;
import org.approvaltests.namer.ApprovalNamer;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.Junit5Reporter;

/**
 * Approved-output tests with ApprovalTests, the approved files kept where the cases are ({@code
 * testdata/<stage>/<case>/NAME.approved.EXT}) rather than beside the test classes. A mismatch (or a
 * missing approved file) leaves {@code NAME.received.EXT} beside it and fails with both texts,
 * which IDEs show as a diff; {@code -Dgwc.approve=true} accepts the received output instead.
 */
public final class Approved {
  private Approved() {}

  /** Verifies {@code actual} (line endings made {@code \n}) against the approved file. */
  public static void verify(Path approved, String actual) {
    ApprovalFailureReporter reporter =
        Boolean.getBoolean("gwc.approve") ? new AutoApproveReporter() : new Junit5Reporter();
    Options options = new Options().withReporter(reporter).forFile().withNamer(new At(approved));
    Approvals.verify(actual.replace("\r\n", "\n"), options);
  }

  /** Names the one approved file given, and its received file beside it. */
  private static final class At implements ApprovalNamer {
    private final Path approved;
    private String additional = "";

    At(Path approved) {
      this.approved = approved.toAbsolutePath();
    }

    @Override
    public File getApprovedFile(String extension) {
      return approved.toFile();
    }

    @Override
    public File getReceivedFile(String extension) {
      return Path.of(approved.toString().replace(".approved.", ".received.")).toFile();
    }

    @Override
    public String getApprovalName() {
      String name = approved.getFileName().toString();
      return name.substring(0, name.indexOf(".approved."));
    }

    @Override
    public String getSourceFilePath() {
      return approved.getParent().toString() + File.separator;
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
      additional = additional.isEmpty() ? info : additional + "." + info;
      return this;
    }

    @Override
    public String getAdditionalInformation() {
      return additional;
    }
  }
}
