package org.mapihost.api.provider;

import org.mapihost.api.Recipient;

/**
 * A recipient a transport turned down for good; the spooler reports it to the sender in a
 * non-delivery report.
 *
 * @param recipient the recipient
 * @param reason    why, for the report
 * @since 1.0
 */
public record Undeliverable(Recipient recipient, String reason) {
}
