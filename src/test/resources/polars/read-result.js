// Reads every table of a result directory with polars, both as Parquet (<result>/<table>/*.parquet)
// and as Arrow IPC (<result>/arrow/<table>/*.arrow), and prints one JSON document:
// { "<table>": { "parquet": {schema, files, rows}, "arrow": {schema, files, rows} }, ... }.
// Decimals (the UINT64 columns) are printed as their decimal text, which JavaScript numbers would
// round; files are read in name order, as the manifest lists them.
// Usage: node read-result.js RESULT_DIR
const pl = require('nodejs-polars');
const fs = require('fs');
const path = require('path');

const result = process.argv[2];

function plain(dtype) {
  switch (dtype.variant) {
    case 'Decimal':
      return pl.Utf8;
    case 'List':
      return pl.List(plain(dtype.inner[0]));
    case 'Struct':
      return pl.Struct(dtype.inner.map((f) => new pl.Field(f.name, plain(f.dtype))));
    default:
      return dtype;
  }
}

function read(dir, extension, reader) {
  if (!fs.existsSync(dir)) {
    return null;
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(extension)).sort();
  const frames = files.map((f) => reader(path.join(dir, f)));
  const frame = frames.length === 1 ? frames[0] : pl.concat(frames);
  const schema = {};
  for (const c of frame.columns) {
    schema[c] = String(frame.schema[c]);
  }
  const rows = frame.select(...frame.columns.map((c) => pl.col(c).cast(plain(frame.schema[c]))));
  return {
    schema,
    files: files.map((f, i) => ({ name: f, rows: frames[i].height })),
    rows: rows.toRecords(),
  };
}

const out = {};
for (const table of fs.readdirSync(result).sort()) {
  const dir = path.join(result, table);
  if (table === 'arrow' || !fs.statSync(dir).isDirectory()) {
    continue;
  }
  out[table] = {
    parquet: read(dir, '.parquet', (f) => pl.readParquet(f)),
    arrow: read(path.join(result, 'arrow', table), '.arrow', (f) => pl.readIPC(fs.readFileSync(f))),
  };
}
process.stdout.write(JSON.stringify(out));
