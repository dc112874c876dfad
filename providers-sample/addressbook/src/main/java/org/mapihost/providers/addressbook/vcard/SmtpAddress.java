package org.mapihost.providers.addressbook.vcard;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * The syntax check for SMTP addresses: {@code local@domain} with a dot-atom local part
 * (RFC 5322 {@code atext} and dots; quoted local parts are not accepted) of at most 64
 * characters, and a domain of letter-digit-hyphen labels (internationalised names are
 * checked in their ASCII form), at most 254 characters in all. Single-label domains such as
 * {@code localhost} are accepted.
 */
public final class SmtpAddress {
	public static final int MAX_LENGTH = 254;
	private static final int MAX_LOCAL_LENGTH = 64;
	private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

	private SmtpAddress() {
	}

	/**
	 * @return the address unchanged when it is valid
	 * @throws IllegalArgumentException naming the address and what is wrong with it
	 */
	public static String requireValid(String address) {
		String problem = problem(address);
		if (problem != null) {
			throw new IllegalArgumentException("'" + address + "' is not an SMTP address: " + problem);
		}
		return address;
	}

	public static boolean isValid(String address) {
		return problem(address) == null;
	}

	private static String problem(String address) {
		if (address == null || address.isEmpty()) {
			return "it is empty";
		}
		if (address.length() > MAX_LENGTH) {
			return "it has " + address.length() + " characters, more than " + MAX_LENGTH;
		}
		int at = address.lastIndexOf('@');
		if (at < 0 || address.indexOf('@') != at) {
			return "it needs exactly one '@'";
		}
		String local = address.substring(0, at);
		if (local.isEmpty() || local.length() > MAX_LOCAL_LENGTH || !LOCAL.matcher(local).matches()) {
			return "the part before '@' is not 1 to 64 letters, digits, dots or !#$%&'*+/=?^_`{|}~- (no leading, trailing or double dot)";
		}
		return domainProblem(address.substring(at + 1));
	}

	private static String domainProblem(String domain) {
		String ascii;
		try {
			ascii = IDN.toASCII(domain, 0);
		} catch (IllegalArgumentException e) {
			return "the domain '" + domain + "' is not a valid host name (" + e.getMessage() + ")";
		}
		if (ascii.isEmpty() || ascii.length() > 253) {
			return "the domain is empty or longer than 253 characters";
		}
		for (String label : ascii.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				return "the domain '" + domain + "' has the label '" + label
						+ "'; labels are 1 to 63 letters, digits or inner hyphens";
			}
		}
		return null;
	}
}
