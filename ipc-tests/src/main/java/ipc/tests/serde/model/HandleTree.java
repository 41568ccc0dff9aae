package ipc.tests.serde.model;

import ipc.api.IpcSender;
import ipc.tests.messages.AllHandles;
import java.util.List;
import java.util.Map;

/**
 * The seven handle types at depth (a record in a map in a list in a record) and the typed sender a second time
 * inside a generic record.
 *
 * @param label a label
 * @param levels the handles, under {@code levels.get(1).get("all")}
 * @param again the typed sender of the handles, reached a second time
 */
public record HandleTree(String label, List<Map<String, AllHandles>> levels, Box<IpcSender<String>> again) {}
