package org.mapihost.providers.transport.smtp;

import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's SMTP server on a free loopback port, with a recipient policy GreenMail lacks
 * (its {@code SmtpManager.checkRecipient} accepts everyone): recipients at
 * {@value #REFUSED} are refused for good (550), those at {@value #BUSY} for now (451).
 */
final class TestSmtpServer extends GreenMail {
	static final String REFUSED = "refused.test";
	static final String BUSY = "busy.test";

	TestSmtpServer() {
		super(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
	}

	int port() {
		return getSmtp().getPort();
	}

	@Override
	protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers given) {
		if (!(managers instanceof PolicyManagers)) {
			managers = new PolicyManagers();
		}
		return super.createServices(config, managers);
	}

	private static final class PolicyManagers extends Managers {
		private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
			@Override
			public String checkRecipient(SmtpState state, MailAddress recipient) {
				return switch (recipient.getHost()) {
				case REFUSED -> "550 5.1.1 <" + recipient.getEmail() + ">: no such user here";
				case BUSY -> "451 4.2.1 <" + recipient.getEmail() + ">: mailbox busy, try again later";
				default -> super.checkRecipient(state, recipient);
				};
			}
		};

		@Override
		public SmtpManager getSmtpManager() {
			return smtp;
		}
	}
}
