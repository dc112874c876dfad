package org.mapihost.providers.store.maildir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ResultCode;

/**
 * The provider bytes of the store's entry IDs: a format byte ({@value #FORMAT}), a kind byte
 * (folder or message), the folder name as a length byte and UTF-8 (length 0 for the Inbox),
 * then for a message its unique name as a length byte and ASCII. Nothing may follow. The root
 * folder, which has no directory, is the kind {@code R} with an empty name.
 * <p>
 * Parsing validates every name with {@link FolderName} and {@link MessageId}, so an entry ID
 * can never name a path outside the store root; anything else is
 * {@link ResultCode#MAPI_E_INVALID_ENTRYID}. Stateless.
 */
public final class StoreEntryIds {
	static final byte FORMAT = 1;
	static final byte FOLDER = 'F';
	static final byte MESSAGE = 'M';
	static final byte ROOT = 'R';
	/** The provider bytes of the root folder, the folder above all others; it has no directory. */
	private static final byte[] ROOT_DATA = { FORMAT, ROOT, 0 };
	/** The longest provider data this format can produce. */
	static final int MAX_SIZE = 2 + 1 + 255 + 1 + 255;

	private StoreEntryIds() {
	}

	public static EntryId of(MapiUid store, StoreEntry entry) {
		return EntryId.of(store, toBytes(entry));
	}

	/**
	 * @return the entry ID of the store's root folder ({@code OpenEntry} with no entry ID)
	 */
	public static EntryId root(MapiUid store) {
		return EntryId.of(store, ROOT_DATA);
	}

	/**
	 * @return {@code true} when the entry ID is the store's root folder; see {@link #root}
	 */
	public static boolean isRoot(MapiUid store, EntryId entryId) {
		return store.equals(entryId.uid()) && Arrays.equals(ROOT_DATA, entryId.providerData());
	}

	public static byte[] toBytes(StoreEntry entry) {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.write(FORMAT);
		data.write(entry.message().isPresent() ? MESSAGE : FOLDER);
		writeField(data, entry.folder().isInbox() ? "" : entry.folder().name());
		entry.message().ifPresent(message -> writeField(data, message.name()));
		return data.toByteArray();
	}

	/**
	 * @param store the store's MAPIUID, which the entry ID must carry
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_ENTRYID} when the entry ID is
	 *                       another provider's or its data are not a valid store entry
	 */
	public static StoreEntry parse(MapiUid store, EntryId entryId) {
		if (!store.equals(entryId.uid())) {
			throw invalid("it carries the MAPIUID " + entryId.uid() + ", not this store's " + store);
		}
		return parse(entryId.providerData());
	}

	/**
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_ENTRYID} when the bytes are not a
	 *                       valid store entry
	 */
	public static StoreEntry parse(byte[] providerData) {
		if (providerData.length > MAX_SIZE) {
			throw invalid("its " + providerData.length + " provider bytes exceed the " + MAX_SIZE + " a store entry can have");
		}
		ByteBuffer data = ByteBuffer.wrap(providerData);
		if (data.remaining() < 3 || data.get() != FORMAT) {
			throw invalid("its provider bytes are not in the Maildir store's format " + FORMAT);
		}
		byte kind = data.get();
		if (kind != FOLDER && kind != MESSAGE) {
			throw invalid("its kind byte " + (kind & 0xFF) + " is neither folder nor message");
		}
		String folderText = readField(data, "folder name");
		FolderName folder = folderText.isEmpty() ? FolderName.INBOX : folder(folderText);
		if (kind == FOLDER) {
			requireEnd(data);
			return StoreEntry.folder(folder);
		}
		String messageText = readField(data, "message name");
		requireEnd(data);
		String problem = MessageId.problemWith(messageText);
		if (problem != null) {
			throw invalid(problem);
		}
		return StoreEntry.message(folder, MessageId.of(messageText));
	}

	private static FolderName folder(String text) {
		String problem = FolderName.problemWith(text);
		if (problem != null) {
			throw invalid(problem);
		}
		FolderName folder = FolderName.of(text);
		if (folder.isInbox()) {
			throw invalid("it spells out the Inbox as " + Printable.quote(text) + "; the Inbox is an empty folder name");
		}
		return folder;
	}

	private static void writeField(ByteArrayOutputStream data, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > 255) {
			throw new IllegalArgumentException(Printable.quote(text) + " has more than 255 bytes in UTF-8");
		}
		data.write(bytes.length);
		data.write(bytes, 0, bytes.length);
	}

	private static String readField(ByteBuffer data, String what) {
		if (!data.hasRemaining()) {
			throw invalid("it ends before the length of the " + what);
		}
		int length = data.get() & 0xFF;
		if (length > data.remaining()) {
			throw invalid("its " + what + " should have " + length + " bytes, only " + data.remaining() + " follow");
		}
		ByteBuffer field = data.slice(data.position(), length);
		data.position(data.position() + length);
		try {
			CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(field);
			return text.toString();
		} catch (CharacterCodingException e) {
			throw invalid("its " + what + " is not valid UTF-8", e);
		}
	}

	private static void requireEnd(ByteBuffer data) {
		if (data.hasRemaining()) {
			throw invalid(data.remaining() + " unexpected bytes follow its names");
		}
	}

	private static MapiException invalid(String reason) {
		return invalid(reason, null);
	}

	private static MapiException invalid(String reason, Throwable cause) {
		return new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "not an entry ID of this Maildir store: " + reason,
				cause);
	}
}
