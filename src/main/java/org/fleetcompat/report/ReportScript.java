package org.fleetcompat.report;

/**
 * The report's only script, inlined into every page: sorting a table by a click on its header and
 * filtering its rows by a text box. Plain DOM, no library; the page reads in full without it.
 */
final class ReportScript {
  private ReportScript() {}

  static final String JS =
      """
      (function () {
        'use strict';
        function cellValue(row, i, numeric) {
          var c = row.cells[i];
          var v = c ? (c.getAttribute('data-sort') || c.textContent) : '';
          if (numeric) { var n = parseFloat(String(v).replace(/[^0-9.+-]/g, '')); return isNaN(n) ? -Infinity : n; }
          return String(v).toLowerCase();
        }
        function sortBy(table, th) {
          var i = Array.prototype.indexOf.call(th.parentNode.children, th);
          var numeric = th.classList.contains('num');
          var asc = !th.classList.contains('asc');
          Array.prototype.forEach.call(th.parentNode.children, function (h) { h.classList.remove('asc', 'desc'); });
          th.classList.add(asc ? 'asc' : 'desc');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = cellValue(a, i, numeric), y = cellValue(b, i, numeric);
            return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
          });
          rows.forEach(function (r) { body.appendChild(r); });
        }
        function filter(table, input, counter) {
          var q = input.value.trim().toLowerCase();
          var shown = 0, rows = table.tBodies[0].rows;
          for (var k = 0; k < rows.length; k++) {
            var hit = !q || rows[k].textContent.toLowerCase().indexOf(q) >= 0;
            rows[k].style.display = hit ? '' : 'none';
            if (hit) { shown++; }
          }
          if (counter) { counter.textContent = shown + ' of ' + rows.length + ' rows'; }
        }
        document.querySelectorAll('table.sortable').forEach(function (table) {
          table.querySelectorAll('thead th').forEach(function (th) {
            th.classList.add('sortable');
            th.addEventListener('click', function () { sortBy(table, th); });
          });
        });
        document.querySelectorAll('input.filter').forEach(function (input) {
          var table = document.getElementById(input.getAttribute('data-table'));
          var counter = document.getElementById(input.getAttribute('data-table') + '-count');
          if (!table) { return; }
          input.addEventListener('input', function () { filter(table, input, counter); });
        });
      })();
      """;
}
