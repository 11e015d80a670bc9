package dev.cria.slack;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Plain text out of Markdown nodes: the label of a link, and tables laid out in aligned columns
 * (Slack has no tables, so they go into a code block).
 */
final class SlackTableText {

  private SlackTableText() {}

  /** The text of a node without any formatting. */
  static String plain(Node node) {
    StringBuilder out = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      switch (child) {
        case Text text -> out.append(text.getLiteral());
        case Code code -> out.append(code.getLiteral());
        case SoftLineBreak ignored -> out.append(' ');
        case HardLineBreak ignored -> out.append(' ');
        default -> out.append(plain(child));
      }
    }
    return out.toString();
  }

  /** The table as lines of padded cells, a rule under the header. Not escaped. */
  static String render(TableBlock table) {
    List<List<String>> rows = new ArrayList<>();
    int headerRows = 0;
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        if (row instanceof TableRow) {
          rows.add(cells(row));
          headerRows += section instanceof TableHead ? 1 : 0;
        }
      }
    }
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      lines.add(line(rows.get(r), widths));
      if (r == headerRows - 1) {
        lines.add(rule(widths));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static List<String> cells(Node row) {
    List<String> cells = new ArrayList<>();
    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
      if (cell instanceof TableCell) {
        cells.add(plain(cell).strip());
      }
    }
    return cells;
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      out.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - cell.length()));
    }
    return out.toString().stripTrailing();
  }

  private static String rule(int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    return out.toString();
  }
}
