#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the SQL the service's search sends for each query shape (issue #13), against the
# bench database of bench/setup.sh (BENCH_PGPORT, default 55433), each run twice and the second (warm) shown.
#   bench/explain.sh > bench/out/explain.txt
# The root category is the first bushy root of bench/out/dataset.lua; terms are fixed examples of each shape.
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${BENCH_PGPORT:-55433}
MANIFEST=${BENCH_DATASET:-bench/out/dataset.lua}
BIN=$(for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -V | tail -1)
ROOT=$(sed -n 's/^  bushy_roots = { \([0-9]*\),.*/\1/p' "$MANIFEST")
CHAIN=$(sed -n 's/^  deep_chain = { first = [0-9]*, last = \([0-9]*\) },/\1/p' "$MANIFEST")
COLUMNS="id, title, description, image_url, sku, price, category_id, created_at, updated_at, version"

# name | WHERE clause as the service writes it (values inlined; the service binds them) | limit | offset
SHAPES=(
  "1-character Korean term|search_grams @> ARRAY['냉'::text]|20|0"
  "2-character Korean term|search_grams @> ARRAY['냉장'::text]|20|0"
  "2-character Chinese term|search_grams @> ARRAY['背包'::text]|20|0"
  "1-character Latin term|search_grams @> ARRAY['é'::text]|20|0"
  "word (trigrams)|search_text LIKE '%kühlschrank%'|20|0"
  "partial SKU (trigrams)|search_text LIKE '%00123%'|20|0"
  "price range, half the catalog|price >= 99.50|20|0"
  "root subtree|category_path @> ARRAY[$ROOT::bigint]|20|0"
  "deep-chain category (level 100)|category_path @> ARRAY[$CHAIN::bigint]|20|0"
  "2-character term + price half + root subtree|search_grams @> ARRAY['무선'::text] AND price <= 150.00 AND category_path @> ARRAY[$ROOT::bigint]|20|0"
  "word + root subtree|search_text LIKE '%кофеварка%' AND category_path @> ARRAY[$ROOT::bigint]|20|0"
  "price half, deep offset|price >= 99.50|20|5000"
)

run() { "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d catalog -X -qAt -c "$1"; }
echo "-- $(run 'SELECT count(*) FROM products') products; root $ROOT; deep-chain leaf $CHAIN; $(run 'SELECT version()' | cut -d' ' -f1-2)"
for shape in "${SHAPES[@]}"; do
  IFS='|' read -r name where limit offset <<<"$shape"
  for sql in "SELECT $COLUMNS FROM products WHERE $where ORDER BY id LIMIT $limit OFFSET $offset" \
             "SELECT count(*) FROM products WHERE $where"; do
    run "EXPLAIN (ANALYZE, BUFFERS) $sql" >/dev/null
    echo
    echo "### $name"
    echo "$sql"
    run "EXPLAIN (ANALYZE, BUFFERS) $sql"
  done
done
