package glassbox.data;

import glassbox.tensor.Tensor;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tabular data sets: a CSV file with a header row (read with Commons CSV) becomes a Tablesaw
 * {@link Table} (numeric columns as doubles, the others as strings), and the table becomes tensors:
 * every column but the target goes into x [N, features], the target into y [N].
 */
final class CsvTables {
    private CsvTables() {}

    /** Reads {@code datasets/<relative>} (checksum-verified) into a table named {@code name}. */
    static Table read(String relative, String name) {
        String text = new String(DatasetFiles.read(relative), StandardCharsets.UTF_8);
        return parse(text, name, "datasets/" + relative);
    }

    static Table parse(String text, String name, String where) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            List<List<String>> columns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) columns.add(new ArrayList<>());
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new DatasetException(where + " line " + parser.getCurrentLineNumber() + " has " + record.size()
                            + " fields, but the header has " + header.size() + ".");
                }
                for (int c = 0; c < header.size(); c++) columns.get(c).add(record.get(c));
            }
            Table table = Table.create(name);
            for (int c = 0; c < header.size(); c++) table.addColumns(column(header.get(c), columns.get(c)));
            return table;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new DatasetException("Could not parse " + where + " as CSV: " + e.getMessage(), e);
        }
    }

    /** A double column if every value is a number, else a string column. */
    private static Column<?> column(String name, List<String> values) {
        double[] numbers = new double[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            try {
                numbers[i] = Double.parseDouble(values.get(i));
            } catch (NumberFormatException e) {
                return StringColumn.create(name, values);
            }
        }
        return DoubleColumn.create(name, numbers);
    }

    /**
     * Classification: column {@code target} holds the class name (or, if numeric, the class number as
     * written in classNames); classNames fixes the order of the class indices.
     */
    static TensorDataset classification(String name, Table table, String target, List<String> classNames) {
        Column<?> labels = table.column(target);
        float[] y = new float[table.rowCount()];
        for (int i = 0; i < y.length; i++) {
            String label = labels instanceof DoubleColumn numbers ? String.valueOf((int) numbers.getDouble(i)) : labels.getString(i);
            int k = classNames.indexOf(label);
            if (k < 0) {
                throw new DatasetException(name + ": row " + i + " has class '" + label + "', not one of " + classNames);
            }
            y[i] = k;
        }
        return new TensorDataset(name, features(table, target), Tensor.fromArray(y, y.length), classNames,
                featureNames(table, target), table);
    }

    /** Regression: the numeric column {@code target} is y. */
    static TensorDataset regression(String name, Table table, String target) {
        double[] values = table.doubleColumn(target).asDoubleArray();
        float[] y = new float[values.length];
        for (int i = 0; i < y.length; i++) y[i] = (float) values[i];
        return new TensorDataset(name, features(table, target), Tensor.fromArray(y, y.length), List.of(),
                featureNames(table, target), table);
    }

    static List<String> featureNames(Table table, String target) {
        List<String> names = new ArrayList<>(table.columnNames());
        names.remove(target);
        return names;
    }

    /** Every column except {@code target}, as float32 [rows, columns]. */
    static Tensor features(Table table, String target) {
        List<String> names = featureNames(table, target);
        int rows = table.rowCount();
        float[] x = new float[rows * names.size()];
        for (int c = 0; c < names.size(); c++) {
            double[] column = table.doubleColumn(names.get(c)).asDoubleArray();
            for (int r = 0; r < rows; r++) x[r * names.size() + c] = (float) column[r];
        }
        return Tensor.fromArray(x, rows, names.size());
    }
}
