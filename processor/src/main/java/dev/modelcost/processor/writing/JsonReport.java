package dev.modelcost.processor.writing;

import dev.modelcost.From;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.model.Target;

/**
 * The JSON report of a network, schema {@code modelcost-report} version {@value #VERSION} (described by
 * {@code report-schema.json} beside this class): the conventions, the totals, and one row per layer with its
 * shapes, its inputs and every figure. Written for machines and for diffs between commits.
 */
public final class JsonReport {
    /** The schema's version; it changes only when a field changes meaning or disappears. */
    public static final int VERSION = 1;

    private JsonReport() {
    }

    /** The report's text. */
    public static String write(NetworkCost cost, MemoryProfile memory) {
        JsonBuilder json = new JsonBuilder().beginObject()
                .key("schema").value("modelcost-report")
                .key("version").value(VERSION)
                .key("network").value(cost.network().displayName())
                .key("class").value(cost.network().type().getQualifiedName().toString())
                .key("input").ints(cost.input().toInts())
                .key("output").ints(cost.output().toInts());
        target(json, memory.target());
        json.key("conventions").beginObject();
        for (Convention convention : Convention.values()) {
            json.key(convention.key()).value(convention.meaning());
        }
        json.endObject();
        json.key("totals").beginObject()
                .key("layers").value(cost.layers().size())
                .key("macs").value(cost.macs())
                .key("biasAdds").value(cost.biasAdds())
                .key("flops").value(cost.flops())
                .key("params").value(cost.params())
                .key("activations").value(cost.activations())
                .key("paramBytes").value(memory.paramBytes())
                .key("activationBytes").value(memory.activationBytes())
                .key("peakActivationBytes").value(memory.peakActivationBytes())
                .key("memoryBytes").value(memory.memoryBytes())
                .key("bytesMoved").value(memory.bytesMoved());
        nanos(json, memory.latencyNanos());
        json.endObject();
        json.key("layers").beginArray();
        for (int i = 0; i < cost.layers().size(); i++) {
            layer(json, cost, i, memory.layers().get(i), memory.target().hasDevice());
        }
        return json.endArray().endObject().toString();
    }

    private static void target(JsonBuilder json, Target target) {
        json.key("precision").value(target.precision().name())
                .key("bytesPerElement").value(target.precision().bytes())
                .key("device");
        if (target.hasDevice()) {
            json.beginObject()
                    .key("name").value(target.deviceName())
                    .key("peakFlopsPerSecond").value(target.peakFlopsPerSecond())
                    .key("bytesPerSecond").value(target.bytesPerSecond())
                    .endObject();
        } else {
            json.nullValue();
        }
    }

    private static void layer(JsonBuilder json, NetworkCost cost, int index, LayerTraffic traffic,
            boolean device) {
        LayerFigures layer = cost.layers().get(index);
        json.beginObject()
                .key("index").value(index)
                .key("name").value(layer.layer().name())
                .key("kind").value(layer.layer().kind().name())
                .key("settings").value(layer.settings())
                .key("inputs").beginArray();
        for (int input : cost.inputs().get(index)) {
            json.value(input < 0 ? From.INPUT : cost.layers().get(input).layer().name());
        }
        json.endArray()
                .key("inputShape").ints(layer.input().toInts())
                .key("outputShape").ints(layer.output().toInts())
                .key("macs").value(layer.macs())
                .key("biasAdds").value(layer.biasAdds())
                .key("flops").value(layer.flops())
                .key("params").value(layer.params())
                .key("activations").value(layer.activations())
                .key("activationBytes").value(traffic.activationBytes())
                .key("bytesMoved").value(traffic.bytesMoved())
                .key("intensity").ratio(layer.flops(), traffic.bytesMoved());
        nanos(json, traffic.latencyNanos());
        json.key("bound");
        if (device) {
            json.value(traffic.computeBound() ? "compute" : "memory");
        } else {
            json.nullValue();
        }
        json.endObject();
    }

    private static void nanos(JsonBuilder json, long nanos) {
        json.key("latencyNanos");
        if (nanos < 0) {
            json.nullValue();
        } else {
            json.value(nanos);
        }
    }
}
