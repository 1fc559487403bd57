import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The start-up floor bench/startup.sh measures gwc against: picocli parses the line, one print. */
@Command(name = "hello", mixinStandardHelpOptions = true, version = "hello 1")
public class Hello implements Callable<Integer> {
  @Parameters(arity = "0..*")
  List<String> words = List.of();

  @Override
  public Integer call() {
    System.out.println("hello " + String.join(" ", words));
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Hello()).execute(args));
  }
}
