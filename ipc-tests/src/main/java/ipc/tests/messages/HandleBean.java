package ipc.tests.messages;

import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import java.util.ArrayList;
import java.util.List;

/** A mutable class (not a record) with handles in its fields, one of them a list. */
public final class HandleBean {

    private String label;
    private IpcSender<String> sender;
    private List<IpcReceiver<String>> receivers = new ArrayList<>();

    /** An empty bean. */
    public HandleBean() {}

    /** A plain value. */
    public String getLabel() {
        return label;
    }

    /** Sets the plain value. */
    public void setLabel(String label) {
        this.label = label;
    }

    /** A sender field. */
    public IpcSender<String> getSender() {
        return sender;
    }

    /** Sets the sender field. */
    public void setSender(IpcSender<String> sender) {
        this.sender = sender;
    }

    /** Receivers in a list field. */
    public List<IpcReceiver<String>> getReceivers() {
        return receivers;
    }

    /** Sets the list field. */
    public void setReceivers(List<IpcReceiver<String>> receivers) {
        this.receivers = receivers;
    }
}
