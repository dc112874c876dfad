package freemarker.template;

/**
 * A placeholder for FreeMarker's class of this name, which this bundle does not embed.
 * <p>
 * {@code ezvcard.VCard}'s {@code writeHtml} methods catch {@code TemplateException}, so the
 * JVM's verifier loads this class when it verifies {@code VCard}, whether or not HTML is ever
 * written; without it no card can be read ({@code NoClassDefFoundError}). This bundle reads
 * text vCards only and never calls {@code writeHtml}, so nothing ever creates or throws one.
 * The package is private to the bundle.
 */
public class TemplateException extends Exception {
	private static final long serialVersionUID = 1L;

	private TemplateException() {
	}
}
