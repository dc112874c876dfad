package org.mapihost.itests.faulty.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.itests.faulty.FaultyProviders;

/** The faults one profile entry asks of its provider ({@link FaultyProviders#FAULTS}), by method. Immutable. */
final class FaultPlan {
	enum Kind {
		THROW("throw"), ERROR("error"), HANG("hang"), HANG_INTERRUPTIBLY("hang-interruptibly"), SLT_TWICE("slt-twice"),
		SLT_NEVER("slt-never"), SUPPORT_RELEASE_TWICE("support-release-twice"), SUPPORT_NEVER_RELEASED("support-never-released"),
		SUPPORT_AFTER_SHUTDOWN("support-after-shutdown");

		final String setting;

		Kind(String setting) {
			this.setting = setting;
		}
	}

	/** One fault: a kind with its argument (milliseconds of a hang, 0 for until released; result code of an error). */
	record Fault(Kind kind, long millis, ResultCode code) {
	}

	static final FaultPlan NONE = new FaultPlan(Map.of());

	private static final Set<Kind> SUPPORT_RELEASE = Set.of(Kind.SUPPORT_RELEASE_TWICE, Kind.SUPPORT_NEVER_RELEASED);

	private final Map<String, List<Fault>> byMethod;

	private FaultPlan(Map<String, List<Fault>> byMethod) {
		this.byMethod = byMethod;
	}

	/**
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} naming what is wrong with the setting
	 */
	static FaultPlan parse(String entry, ProviderKind provider, String setting) {
		Map<String, List<Fault>> byMethod = new LinkedHashMap<>();
		for (String item : setting.split(",")) {
			String text = item.strip();
			if (text.isEmpty()) {
				continue;
			}
			String[] parts = text.split(":", 3);
			if (parts.length < 2) {
				throw bad(entry, "'" + text + "' is not METHOD:FAULT");
			}
			String method = parts[0].strip();
			List<String> methods = methodsOf(provider);
			if (!methods.contains(method)) {
				throw bad(entry, "'" + text + "' names no method of a " + provider + " provider; methods: " + String.join(", ", methods));
			}
			Fault fault = fault(entry, text, parts);
			checkApplies(entry, text, provider, method, fault.kind());
			byMethod.computeIfAbsent(method, m -> new ArrayList<>()).add(fault);
		}
		byMethod.replaceAll((method, faults) -> List.copyOf(faults));
		return new FaultPlan(Map.copyOf(byMethod));
	}

	private static Fault fault(String entry, String text, String[] parts) {
		String name = parts[1].strip();
		String argument = parts.length > 2 ? parts[2].strip() : "";
		Kind kind = Arrays.stream(Kind.values()).filter(k -> k.setting.equals(name)).findFirst()
				.orElseThrow(() -> bad(entry, "'" + text + "' names no fault; faults: "
						+ Arrays.stream(Kind.values()).map(k -> k.setting).collect(Collectors.joining(", "))));
		switch (kind) {
		case ERROR -> {
			try {
				ResultCode code = ResultCode.valueOf(argument);
				if (code.succeeded()) {
					throw bad(entry, "'" + text + "': " + code + " is not an error");
				}
				return new Fault(kind, 0, code);
			} catch (IllegalArgumentException e) {
				throw bad(entry, "'" + text + "' needs a result code such as error:MAPI_E_BUSY, not '" + argument + "'");
			}
		}
		case HANG, HANG_INTERRUPTIBLY -> {
			try {
				long millis = argument.isEmpty() ? 0 : Long.parseLong(argument);
				if (millis < 0) {
					throw new NumberFormatException();
				}
				return new Fault(kind, millis, null);
			} catch (NumberFormatException e) {
				throw bad(entry, "'" + text + "': a hang lasts MILLIS (0 or more), not '" + argument + "'");
			}
		}
		default -> {
			if (!argument.isEmpty()) {
				throw bad(entry, "'" + text + "': " + kind.setting + " takes no argument");
			}
			return new Fault(kind, 0, null);
		}
		}
	}

	private static void checkApplies(String entry, String text, ProviderKind provider, String method, Kind kind) {
		boolean applies;
		if (kind == Kind.SLT_TWICE) {
			applies = provider == ProviderKind.STORE && Set.of("storeLogoff", "store.release", "logoff").contains(method);
		} else if (kind == Kind.SLT_NEVER) {
			// a StoreLogoff that skips it is made good by the store's release; the store's last chances are these
			applies = provider == ProviderKind.STORE && Set.of("store.release", "logoff").contains(method);
		} else if (SUPPORT_RELEASE.contains(kind)) {
			applies = switch (provider) {
			case STORE -> Set.of("store.release", "logoff").contains(method);
			case ADDRESS_BOOK -> method.equals("logoff");
			case TRANSPORT -> method.equals("transportLogoff");
			};
		} else if (kind == Kind.SUPPORT_AFTER_SHUTDOWN) {
			applies = method.equals("shutdown");
		} else {
			applies = true;
		}
		if (!applies) {
			throw bad(entry, "'" + text + "': a " + provider + " provider's " + method + " cannot " + kind.setting
					+ " (see FaultyProviders for where each fault applies)");
		}
	}

	static List<String> methodsOf(ProviderKind provider) {
		return switch (provider) {
		case STORE -> FaultyProviders.STORE_METHODS;
		case ADDRESS_BOOK -> FaultyProviders.AB_METHODS;
		case TRANSPORT -> FaultyProviders.XP_METHODS;
		};
	}

	private static MapiException bad(String entry, String sentence) {
		return new MapiException(ResultCode.MAPI_E_UNCONFIGURED, "entry '" + entry + "': " + FaultyProviders.FAULTS + ": " + sentence);
	}

	List<Fault> of(String method) {
		return byMethod.getOrDefault(method, List.of());
	}

	boolean has(String method, Kind kind) {
		return of(method).stream().anyMatch(f -> f.kind() == kind);
	}
}
