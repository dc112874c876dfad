package org.mapihost.providers.addressbook.vcard;

/**
 * The file as a whole cannot be used (missing, unreadable, too large, too many cards, not
 * vCard at all); {@link ContactFile} then keeps the contacts it had.
 */
final class RefusedFileException extends Exception {
	private static final long serialVersionUID = 1L;

	RefusedFileException(String message) {
		super(message);
	}

	RefusedFileException(String message, Throwable cause) {
		super(message, cause);
	}
}
