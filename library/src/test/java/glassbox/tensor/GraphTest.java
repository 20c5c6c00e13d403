package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphTest {

    /** micrograd's first example: L = (a*b + c) * f. */
    static Tensor micrograd() {
        Tensor a = Tensor.scalar(2).requiresGrad(true).label("a");
        Tensor b = Tensor.scalar(-3).requiresGrad(true).label("b");
        Tensor c = Tensor.scalar(10).requiresGrad(true).label("c");
        Tensor f = Tensor.scalar(-2).requiresGrad(true).label("f");
        Tensor e = a.mul(b).label("e");
        Tensor d = e.add(c).label("d");
        return d.mul(f).label("L");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document doc) {
        List<String> out = new ArrayList<>();
        NodeList list = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < list.getLength(); i++) out.add(list.item(i).getTextContent());
        return out;
    }

    static int countByClass(Document doc, String tag, String cls) {
        NodeList list = doc.getElementsByTagNameNS("*", tag);
        int n = 0;
        for (int i = 0; i < list.getLength(); i++) {
            if (((Element) list.item(i)).getAttribute("class").equals(cls)) n++;
        }
        return n;
    }

    /** Arrows the graph must have, counted from the tensors themselves: input -> op per distinct input, op -> result. */
    static int expectedEdges(Tensor root) {
        int n = 0;
        for (Tensor t : root.topologicalOrder()) {
            if (t.isLeaf()) continue;
            Map<Tensor, Boolean> distinct = new IdentityHashMap<>();
            for (Tensor in : t.inputs()) distinct.put(in, true);
            n += distinct.size() + 1;
        }
        return n;
    }

    @Test
    void microgradExampleShowsEveryLabelOpValueAndGradient() throws Exception {
        Tensor loss = micrograd();
        loss.backward();
        Graph g = loss.graph();
        Document doc = parse(g.toSvg());
        List<String> texts = texts(doc);
        String all = String.join("\n", texts);
        // label, data, grad of each tensor, worked out by hand: L = (2*-3 + 10) * -2 = -8
        String[][] expected = {
            {"a", "data 2", "grad 6"}, {"b", "data -3", "grad -4"}, {"c", "data 10", "grad -2"},
            {"f", "data -2", "grad 4"}, {"e", "data -6", "grad -2"}, {"d", "data 4", "grad -2"},
            {"L", "data -8", "grad 1"},
        };
        for (String[] node : expected) {
            assertTrue(texts.stream().anyMatch(t -> t.startsWith(node[0] + "  scalar")), "label " + node[0] + " in " + all);
            assertTrue(texts.contains(node[1]), node[1] + " in " + all);
            assertTrue(texts.contains(node[2]), node[2] + " in " + all);
        }
        assertEquals(2, texts.stream().filter("*"::equals).count(), "two mul ops");
        assertEquals(1, texts.stream().filter("+"::equals).count(), "one add op");
        assertEquals(7, countByClass(doc, "g", "node value"));
        assertEquals(3, countByClass(doc, "g", "node op"));
        assertEquals(expectedEdges(loss), countByClass(doc, "path", "edge"));
        assertEquals(9, g.edgeCount());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(doc.getDocumentElement().getAttribute("viewBox").startsWith("0 0 "));
    }

    @Test
    void beforeBackwardThereIsNoGradRow() throws Exception {
        List<String> texts = texts(parse(micrograd().graph().toSvg()));
        assertTrue(texts.contains("data -8"));
        assertFalse(texts.stream().anyMatch(t -> t.startsWith("grad")), "no gradient computed yet");
    }

    @Test
    void neuronWithTanhHasMicrogradsGradients() throws Exception {
        Tensor x1 = Tensor.scalar(2).requiresGrad(true).label("x1");
        Tensor x2 = Tensor.scalar(0).requiresGrad(true).label("x2");
        Tensor w1 = Tensor.scalar(-3).requiresGrad(true).label("w1");
        Tensor w2 = Tensor.scalar(1).requiresGrad(true).label("w2");
        Tensor b = Tensor.scalar(6.8813735870195432f).requiresGrad(true).label("b");
        Tensor n = x1.mul(w1).label("x1*w1").add(x2.mul(w2).label("x2*w2")).label("x1w1+x2w2").add(b).label("n");
        Tensor o = n.tanh().label("o");
        o.backward();
        Graph g = Graph.of(o);
        List<String> texts = texts(parse(g.toSvg()));
        for (String s : new String[] {"data 0.7071", "grad -1.5", "grad 0.5", "grad 1", "grad 0", "tanh", "+", "*"}) {
            assertTrue(texts.contains(s), s + " in " + texts);
        }
        assertEquals(expectedEdges(o), g.edgeCount());
        assertLayoutIsClean(g);
    }

    @Test
    void mlpOnTensorsIsLaidOutWithoutOverlaps() throws Exception {
        Tensor.manualSeed(0);
        Tensor x = Tensor.randn(4, 2).label("x");
        Tensor y = Tensor.randn(4, 1).label("y");
        Tensor w1 = Tensor.randn(2, 8).requiresGrad(true).label("W1");
        Tensor b1 = Tensor.zeros(8).requiresGrad(true).label("b1");
        Tensor w2 = Tensor.randn(8, 1).requiresGrad(true).label("W2");
        Tensor b2 = Tensor.zeros(1).requiresGrad(true).label("b2");
        Tensor h = x.matmul(w1).add(b1).tanh().label("h");
        Tensor out = h.matmul(w2).add(b2).label("out");
        Tensor loss = out.sub(y).pow(2).mean().label("loss");
        loss.backward();
        Graph g = loss.graph();
        Document doc = parse(g.toSvg());
        List<String> texts = texts(doc);
        // a large tensor is summarised with its mean and range, computed here independently
        float[] v = w1.toFloatArray();
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float f : v) { min = Math.min(min, f); max = Math.max(max, f); }
        String range = "min " + Graph.compact(min) + " max " + Graph.compact(max);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("data mean ")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.trim().equals(range)), range + " in " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("W1  [2, 8]")));
        assertTrue(texts.contains("@") && texts.contains("tanh") && texts.contains("pow(2)"));
        assertEquals(expectedEdges(loss), countByClass(doc, "path", "edge"));
        assertLayoutIsClean(g);
        assertTrue(g.width < 2700, "compact: width " + g.width);
    }

    /** No two boxes overlap, every arrow goes left to right, everything is inside the picture. */
    static void assertLayoutIsClean(Graph g) {
        List<Graph.Node> drawn = new ArrayList<>();
        for (Graph.Node n : g.nodes) if (!n.dummy) drawn.add(n);
        for (int i = 0; i < drawn.size(); i++) {
            Graph.Node a = drawn.get(i);
            assertTrue(a.x - a.w / 2 >= 0 && a.x + a.w / 2 <= g.width && a.y - a.h / 2 >= 0 && a.y + a.h / 2 <= g.height,
                    "inside the picture");
            for (int j = i + 1; j < drawn.size(); j++) {
                Graph.Node b = drawn.get(j);
                boolean overlap = Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;
                assertFalse(overlap, "nodes " + String.join("/", a.lines) + " and " + String.join("/", b.lines) + " overlap");
            }
        }
        for (Graph.Edge e : g.edges) assertTrue(e.from.x + e.from.w / 2 < e.to.x - e.to.w / 2, "arrow goes left to right");
    }

    @Test
    void dotHasTheSameNodesAndEdges() {
        Tensor loss = micrograd();
        loss.backward();
        Graph g = Graph.of(loss);
        String dot = g.toDot();
        assertTrue(dot.startsWith("digraph G {") && dot.trim().endsWith("}"));
        assertTrue(dot.contains("rankdir=LR"));
        assertEquals(g.edgeCount(), dot.split("->", -1).length - 1);
        assertEquals(7, dot.split("shape=record", -1).length - 1);
        assertEquals(3, dot.split("shape=ellipse", -1).length - 1);
        for (String s : new String[] {"a  scalar | data 2 | grad 6", "L  scalar | data -8 | grad 1", "label=\"*\"", "label=\"+\""}) {
            assertTrue(dot.contains(s), s + " in\n" + dot);
        }
        long open = dot.chars().filter(c -> c == '{').count() - dot.chars().filter(c -> c == '}').count();
        assertEquals(0, open, "balanced braces");
    }

    @Test
    void repeatedInputIsOneArrowMarkedTwice() throws Exception {
        Tensor a = Tensor.scalar(3).requiresGrad(true).label("a");
        Tensor sq = a.mul(a).label("sq");
        sq.backward();
        Graph g = sq.graph();
        assertEquals(2, g.edgeCount());
        List<String> texts = texts(parse(g.toSvg()));
        assertTrue(texts.contains("x2") && texts.contains("grad 6"), texts.toString());
    }

    @Test
    void longChainRendersAndSavesToFiles(@TempDir Path dir) throws Exception {
        Tensor w = Tensor.scalar(0.5f).requiresGrad(true).label("w");
        Tensor h = Tensor.scalar(1);
        for (int t = 0; t < 200; t++) h = h.mul(w).add(w).tanh();
        h.backward();
        Graph g = h.graph();
        assertEquals(expectedEdges(h), g.edgeCount());
        g.toSvg(dir.resolve("chain.svg"));
        g.toDot(dir.resolve("chain.dot"));
        Document doc = parse(Files.readString(dir.resolve("chain.svg")));
        assertEquals(600, countByClass(doc, "g", "node op"));
        assertTrue(Files.readString(dir.resolve("chain.dot")).contains("tanh"));
    }
}
