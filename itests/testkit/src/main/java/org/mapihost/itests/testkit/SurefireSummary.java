package org.mapihost.itests.testkit;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.osgi.service.component.annotations.Component;

/**
 * Prints Surefire's closing block ({@code Tests run: N, Failures: F, Errors: E, Skipped: S})
 * from the test framework, where {@code bnd-testing-maven-plugin} prints only "No Errors", so
 * that CI sees how many tests ran even under {@code mvn -q}. A run that executes no test at all
 * exits the framework with status 1, which fails the build: the bnd tester would report success.
 * <p>
 * The bnd tester adds every {@link TestExecutionListener} service to its launcher when it
 * starts the tests; immediate, so that the service is there before the tester looks.
 * Concurrency: counters are atomic; the failure list is copy-on-write.
 */
@Component(service = TestExecutionListener.class, immediate = true)
public class SurefireSummary implements TestExecutionListener {
	private final AtomicLong run = new AtomicLong();
	private final AtomicLong failures = new AtomicLong();
	private final AtomicLong errors = new AtomicLong();
	private final AtomicLong skipped = new AtomicLong();
	private final List<String> failed = new CopyOnWriteArrayList<>();
	private final List<String> inError = new CopyOnWriteArrayList<>();
	private volatile TestPlan plan;

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		plan = testPlan;
		run.set(0);
		failures.set(0);
		errors.set(0);
		skipped.set(0);
		failed.clear();
		inError.clear();
	}

	@Override
	public void executionSkipped(TestIdentifier identifier, String reason) {
		long tests = identifier.isTest() ? 1
				: plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).count();
		run.addAndGet(tests);
		skipped.addAndGet(tests);
	}

	@Override
	public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
		if (identifier.isTest()) {
			run.incrementAndGet();
		}
		switch (result.getStatus()) {
		case SUCCESSFUL -> {
		}
		case ABORTED -> {
			if (identifier.isTest()) {
				skipped.incrementAndGet();
			}
		}
		case FAILED -> {
			Throwable cause = result.getThrowable().orElse(null);
			String line = name(identifier) + " " + (cause == null ? "" : firstLine(cause));
			if (!identifier.isTest()) {
				// a class whose set-up or tear-down failed: Surefire counts it as one test in error
				run.incrementAndGet();
				errors.incrementAndGet();
				inError.add(line);
			} else if (cause instanceof AssertionError) {
				failures.incrementAndGet();
				failed.add(line);
			} else {
				errors.incrementAndGet();
				inError.add(line);
			}
		}
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		PrintStream out = System.out;
		boolean bad = failures.get() + errors.get() > 0 || run.get() == 0;
		out.println("[INFO] ");
		out.println("[INFO] Results:");
		out.println("[INFO] ");
		list(out, "Failures", failed);
		list(out, "Errors", inError);
		out.printf("%s Tests run: %d, Failures: %d, Errors: %d, Skipped: %d%n", bad ? "[ERROR]" : skipped.get() > 0 ? "[WARNING]" : "[INFO]",
				run.get(), failures.get(), errors.get(), skipped.get());
		out.println("[INFO] ");
		out.flush();
		if (run.get() == 0) {
			System.err.println("[ERROR] No tests were executed: the test bundle's Test-Cases header or the test engine is missing.");
			System.err.flush();
			System.exit(1);
		}
	}

	private static void list(PrintStream out, String title, List<String> lines) {
		if (!lines.isEmpty()) {
			out.println("[ERROR] " + title + ": ");
			lines.forEach(line -> out.println("[ERROR]   " + line));
			out.println("[INFO] ");
		}
	}

	private static String name(TestIdentifier identifier) {
		TestSource source = identifier.getSource().orElse(null);
		if (source instanceof MethodSource method) {
			String className = method.getClassName();
			return className.substring(className.lastIndexOf('.') + 1) + "." + identifier.getLegacyReportingName();
		}
		if (source instanceof ClassSource type) {
			return type.getClassName();
		}
		return identifier.getDisplayName();
	}

	private static String firstLine(Throwable cause) {
		String text = String.valueOf(cause);
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline);
	}
}
