package org.mapihost.providers.addressbook.vcard;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ResultCode;

/**
 * The provider bytes of the address book's entry IDs (what follows the flags and MAPIUID):
 * <pre>
 * contact:   0x01 0x01 id[16]                                          (18 bytes)
 * one-off:   0x01 0x02 typeLength[1] type[ASCII] addressLength[2, big-endian] address[UTF-8]
 * container: 0x01 0x03                                                 (2 bytes)
 * </pre>
 * The first byte is the format version. Decoding is strict: any other version or kind,
 * a length that does not fit, trailing bytes, bad UTF-8, an invalid address type or address,
 * or a form that is valid but not the one {@link #encode} writes (a lower-case type, say) is
 * {@code MAPI_E_INVALID_ENTRYID}; so is anything longer than {@link #MAX_DATA_SIZE}.
 */
public final class EntryIdCodec {
	public static final int MAX_ADDRESS_BYTES = 4 * OneOffAddress.MAX_ADDRESS_LENGTH;
	public static final int MAX_DATA_SIZE = 2 + 1 + OneOffAddress.MAX_ADDRESS_TYPE_LENGTH + 2 + MAX_ADDRESS_BYTES;

	private static final byte VERSION = 1;
	private static final byte KIND_CONTACT = 1;
	private static final byte KIND_ONE_OFF = 2;
	private static final byte KIND_CONTAINER = 3;
	private static final int CONTACT_SIZE = 2 + ContactId.SIZE;
	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private EntryIdCodec() {
	}

	public static byte[] encode(EntryTarget target) {
		if (target instanceof ContactId id) {
			return ByteBuffer.allocate(CONTACT_SIZE).put(VERSION).put(KIND_CONTACT).put(id.toByteArray()).array();
		}
		if (target instanceof RootContainer) {
			return new byte[] { VERSION, KIND_CONTAINER };
		}
		OneOffAddress oneOff = (OneOffAddress) target;
		byte[] type = oneOff.addressType().getBytes(StandardCharsets.US_ASCII);
		byte[] address = oneOff.address().getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(2 + 1 + type.length + 2 + address.length)
				.put(VERSION).put(KIND_ONE_OFF)
				.put((byte) type.length).put(type)
				.putShort((short) address.length).put(address)
				.array();
	}

	/**
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_ENTRYID} for anything
	 *                       {@link #encode} does not write
	 */
	public static EntryTarget decode(byte[] data) {
		if (data == null || data.length < 2 || data.length > MAX_DATA_SIZE) {
			throw invalid(data, "it has " + (data == null ? "no" : data.length) + " bytes, not 2 to " + MAX_DATA_SIZE);
		}
		if (data[0] != VERSION) {
			throw invalid(data, "format version " + (data[0] & 0xFF) + " is unknown");
		}
		EntryTarget target = switch (data[1]) {
			case KIND_CONTACT -> decodeContact(data);
			case KIND_ONE_OFF -> decodeOneOff(data);
			case KIND_CONTAINER -> RootContainer.INSTANCE;
			default -> throw invalid(data, "kind " + (data[1] & 0xFF) + " is unknown");
		};
		if (!Arrays.equals(encode(target), data)) {
			throw invalid(data, "it is not in canonical form");
		}
		return target;
	}

	public static EntryId toEntryId(MapiUid uid, EntryTarget target) {
		return EntryId.of(uid, encode(target));
	}

	/**
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_ENTRYID} when the entry ID has
	 *                       another MAPIUID or bad provider bytes
	 */
	public static EntryTarget fromEntryId(EntryId entryId, MapiUid expectedUid) {
		if (!entryId.uid().equals(expectedUid)) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "entry ID " + entryId + " has MAPIUID " + entryId.uid()
					+ ", not this address book's " + expectedUid);
		}
		return decode(entryId.providerData());
	}

	private static ContactId decodeContact(byte[] data) {
		if (data.length != CONTACT_SIZE) {
			throw invalid(data, "a contact entry has " + CONTACT_SIZE + " bytes");
		}
		return ContactId.of(Arrays.copyOfRange(data, 2, CONTACT_SIZE));
	}

	private static OneOffAddress decodeOneOff(byte[] data) {
		ByteBuffer in = ByteBuffer.wrap(data, 2, data.length - 2);
		int typeLength = in.remaining() < 1 ? -1 : in.get() & 0xFF;
		if (typeLength < 1 || typeLength > OneOffAddress.MAX_ADDRESS_TYPE_LENGTH || in.remaining() < typeLength + 2) {
			throw invalid(data, "the address type's length " + typeLength + " is not 1 to "
					+ OneOffAddress.MAX_ADDRESS_TYPE_LENGTH + " or runs past the end");
		}
		String type = text(data, in, typeLength, StandardCharsets.US_ASCII);
		int addressLength = in.getShort() & 0xFFFF;
		if (addressLength < 1 || addressLength > MAX_ADDRESS_BYTES || in.remaining() != addressLength) {
			throw invalid(data, "the address's length " + addressLength + " is not 1 to " + MAX_ADDRESS_BYTES
					+ " or does not end the entry ID (" + in.remaining() + " bytes left)");
		}
		String address = text(data, in, addressLength, StandardCharsets.UTF_8);
		try {
			return new OneOffAddress(type, address);
		} catch (IllegalArgumentException e) {
			throw invalid(data, e.getMessage());
		}
	}

	private static String text(byte[] data, ByteBuffer in, int length, Charset charset) {
		ByteBuffer slice = in.slice().limit(length);
		in.position(in.position() + length);
		try {
			return charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(slice).toString();
		} catch (CharacterCodingException e) {
			throw invalid(data, "a text is not " + charset);
		}
	}

	private static MapiException invalid(byte[] data, String why) {
		String shown = data == null ? "null" : HEX.formatHex(data, 0, Math.min(data.length, 48)) + (data.length > 48 ? "..." : "");
		return new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "address-book entry data " + shown + " is invalid: " + why);
	}
}
