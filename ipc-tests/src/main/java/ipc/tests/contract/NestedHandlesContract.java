package ipc.tests.contract;

import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.TypeRef;
import ipc.tests.messages.AllHandles;
import ipc.tests.messages.Envelope;
import ipc.tests.messages.HandleBean;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** All seven handle types at any depth: record fields, generic records, lists, maps, bean fields. */
public abstract class NestedHandlesContract {

    @Test
    public void allSevenTypesInRecordFields() throws Exception {
        try (AllHandlesFixture fixture = new AllHandlesFixture();
                IpcChannel<AllHandles> carrier = Ipc.channel(AllHandles.class)) {
            carrier.sender().send(fixture.handles());
            fixture.closeSentReceivers();
            fixture.assertWorks(receive(carrier.receiver(), "AllHandles"), "record fields");
        }
    }

    @Test
    public void allSevenTypesInsideMapsAndListsInsideAGenericRecord() throws Exception {
        TypeRef<Envelope<Map<String, List<AllHandles>>>> type = new TypeRef<>() {};
        try (AllHandlesFixture first = new AllHandlesFixture();
                AllHandlesFixture second = new AllHandlesFixture();
                IpcChannel<Envelope<Map<String, List<AllHandles>>>> carrier = Ipc.channel(type)) {
            carrier.sender().send(new Envelope<>("deep", Map.of("key", List.of(first.handles(), second.handles()))));
            first.closeSentReceivers();
            second.closeSentReceivers();
            Envelope<Map<String, List<AllHandles>>> received = receive(carrier.receiver(), "the envelope");
            assertEquals("deep", received.label(), "the plain value beside the handles");
            List<AllHandles> list = received.payload().get("key");
            assertEquals(2, list.size(), "both elements of the list in the map");
            first.assertWorks(list.get(0), "Envelope<Map<String, List<AllHandles>>> element 0");
            second.assertWorks(list.get(1), "Envelope<Map<String, List<AllHandles>>> element 1");
        }
    }

    @Test
    public void handlesDirectlyAsListAndMapElements() throws Exception {
        try (IpcChannel<String> a = Ipc.channel(String.class);
                IpcChannel<String> b = Ipc.channel(String.class);
                IpcChannel<Map<String, List<IpcSender<String>>>> carrier =
                        Ipc.channel(new TypeRef<Map<String, List<IpcSender<String>>>>() {})) {
            carrier.sender().send(Map.of("senders", List.of(a.sender(), b.sender())));
            List<IpcSender<String>> senders = receive(carrier.receiver(), "the map").get("senders");
            assertEquals(2, senders.size(), "both senders of the list");
            senders.get(0).send("to a");
            senders.get(1).send("to b");
            assertEquals("to a", receive(a.receiver(), "a"), "list element 0 leads to channel a");
            assertEquals("to b", receive(b.receiver(), "b"), "list element 1 leads to channel b");
            senders.forEach(IpcSender::close);
        }
    }

    @Test
    public void handlesInFieldsOfAMutableClass() throws Exception {
        try (IpcChannel<String> a = Ipc.channel(String.class);
                IpcChannel<String> b = Ipc.channel(String.class);
                IpcChannel<HandleBean> carrier = Ipc.channel(HandleBean.class)) {
            HandleBean bean = new HandleBean();
            bean.setLabel("bean");
            bean.setSender(a.sender());
            bean.setReceivers(List.of(b.receiver()));
            carrier.sender().send(bean);
            b.receiver().close();
            HandleBean received = receive(carrier.receiver(), "the bean");
            assertEquals("bean", received.getLabel(), "the bean's plain field");
            received.getSender().send("from bean");
            assertEquals("from bean", receive(a.receiver(), "a"), "the bean's sender field works");
            b.sender().send("to bean");
            IpcReceiver<String> beanReceiver = received.getReceivers().get(0);
            assertEquals("to bean", receive(beanReceiver, "b"), "the receiver in the bean's list field works");
            received.getSender().close();
            beanReceiver.close();
        }
    }
}
