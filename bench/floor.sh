#!/usr/bin/env bash
# The floor for bench/run.sh search: PostgreSQL alone, running the SQL the service's search sends
# (src/ReadModel/ProductSearchQuery.cs and the plans it picks: OnePassPage.cs, MaintainedTotals.cs, PagedQuery.cs)
# for the same query shapes, with the same weights, terms and paging as bench/wrk/common.lua, at the same
# concurrency — so a service figure can be read against what the database could do without the service in front.
#   bench/floor.sh [clients=64] [seconds=30]
# Needs the bench database of bench/setup.sh (BENCH_PGPORT, default 55433) and the files DataGen wrote beside the
# manifest: dataset.lua (ids) and floor-terms.tsv (terms as the service sends them).
#
# Per transaction, the plan the service picks for that search (keep in step with ProductSearchQuery, OnePassPage.Wins,
# MaintainedTotals.Sql, KnownTotalPage and GramRangePage): a category alone reads its kept total, the catalog's size
# and, for a root, its tree's, then walks the tree or the primary key or takes the one-pass statement as the totals
# say; a one- or two-character term alone reads its counts per id range, then its page from the ranges that hold it;
# a price range alone reads the page and its total from the band counts in one round trip (a pipeline); any other
# text or category filter gets page and total in one statement (a word's matches from its copy, product_texts, within
# a root's tree too), except a one-character term with a price and no category before offset 500; the rest get the
# page, then the count unless the page was a short last page. A price range beside a short term or a category filter
# holding over 1/32 of the catalog is tested as price + 0 (PriceFilter; the share comes from the prices' distribution
# here, from band counts the service holds there). Parameters are bound and each statement is prepared (-M prepared;
# BENCH_FLOOR_PROTOCOL=extended sends them unprepared), as the service's connections keep their frequent statements
# prepared (Database:MaxAutoPrepare). Differences: LIMIT and OFFSET are parameters here (the service binds them in its
# one-pass statement but writes them, and a term's id bounds, into the SQL of a walk, of a range page and of
# page-then-count, whose plans depend on them);
# a page-then-count page is wrapped as SELECT p.*, count(*) OVER () FROM (page) p, so pgbench can see how many rows
# came back (a window over at most 100 rows); a term and a root id are picked by a one-row
# lookup in the bench_floor schema (≈ 0.05 ms), and SKU fragments are formatted by a one-row SELECT.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-64}
SECONDS_TO_RUN=${2:-30}
THREADS=${BENCH_THREADS:-2}
PGPORT=${BENCH_PGPORT:-55433}
MANIFEST=${BENCH_DATASET:-bench/out/dataset.lua}
TERMS=$(dirname "$MANIFEST")/floor-terms.tsv
SCRIPTS=bench/out/floor
BIN=$(for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -V | tail -1)
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d catalog -v ON_ERROR_STOP=1 -qtA)
[[ -f $MANIFEST && -f $TERMS ]] || { echo "no $MANIFEST or $TERMS: run bench/setup.sh first" >&2; exit 2; }

range() { sed -n "s/^  $1 = { first = \([0-9]*\), last = \([0-9]*\) },/\1 \2/p" "$MANIFEST"; }
read -r PRODUCT_FIRST PRODUCT_LAST < <(range products)
read -r CATEGORY_FIRST CATEGORY_LAST < <(range categories)
read -r CHAIN_FIRST CHAIN_LAST < <(range deep_chain)
ROOTS=$(sed -n 's/^  bushy_roots = { \(.*\) },/\1/p' "$MANIFEST" | tr -d ' ')

# Terms and roots in a schema of their own (the catalog's tables stay untouched).
"${PSQL[@]}" <<SQL
DROP SCHEMA IF EXISTS bench_floor CASCADE;
CREATE SCHEMA bench_floor;
CREATE TABLE bench_floor.terms (grp text, short boolean, term text, pattern text, one_char boolean);
\copy bench_floor.terms FROM '$TERMS' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')
CREATE TABLE bench_floor.picks AS
    SELECT grp, row_number() OVER (PARTITION BY grp ORDER BY term) - 1 AS n, short::int AS short, term, pattern,
           one_char::int AS one_char,
           count(*) OVER (PARTITION BY grp) AS size
    FROM bench_floor.terms;
CREATE UNIQUE INDEX ON bench_floor.picks (grp, n);
CREATE TABLE bench_floor.roots AS SELECT n - 1 AS n, id FROM unnest('{$ROOTS}'::bigint[]) WITH ORDINALITY AS r (id, n);
ANALYZE bench_floor.picks; ANALYZE bench_floor.roots;
SQL
ROOT_COUNT=$("${PSQL[@]}" -c "SELECT count(*) FROM bench_floor.roots")

COLUMNS="id, title, description, image_url, sku, price, category_id, created_at, updated_at, version, on_hand, reserved"
mkdir -p "$SCRIPTS"
rm -f "$SCRIPTS"/*.sql

# Paging as common.lua: 20% offset 20..500, 5% offset 1,000..5,000; 20% limit 10/50/100, else 20.
paging() {
  cat <<'EOF'
\set r random(1, 100)
\set off CASE WHEN :r <= 20 THEN 20 * random(1, 25) WHEN :r <= 25 THEN 20 * random(50, 250) ELSE 0 END
\set l random(1, 100)
\set lim CASE WHEN :l <= 7 THEN 10 WHEN :l <= 14 THEN 50 WHEN :l <= 20 THEN 100 ELSE 20 END
EOF
}
# A text term: group by common.lua's weights, then one of its terms.
text_term() {
  cat <<'EOF'
\set g random(1, 100)
\set k random(0, 1000000)
SELECT short, term, pattern, one_char FROM bench_floor.picks WHERE grp = (CASE WHEN :g <= 30 THEN 'latin' WHEN :g <= 45 THEN 'cyrillic' WHEN :g <= 55 THEN 'cjk' WHEN :g <= 70 THEN 'korean' WHEN :g <= 95 THEN 'short' ELSE 'miss' END) AND n = :k % size \gset
EOF
}
sku_term() {
  cat <<EOF
\set pid random($PRODUCT_FIRST, $PRODUCT_LAST)
\set sk random(1, 10)
SELECT '%' || CASE WHEN :sk <= 4 THEN d WHEN :sk <= 7 THEN left(d, 5) ELSE right(d, 4) END || '%' AS pattern FROM lpad(:pid::text, 7, '0') AS d \gset
EOF
}
# Half the filters a root tree, 10% in the deep chain, the rest any category.
category() {
  cat <<EOF
\set cr random(1, 100)
\set cat CASE WHEN :cr <= 10 THEN random($CHAIN_FIRST, $CHAIN_LAST) WHEN :cr <= 50 THEN random($CATEGORY_FIRST, $CATEGORY_LAST) ELSE -1 END
\if :cat < 0
\set k random(0, 1000000)
SELECT id AS cat FROM bench_floor.roots WHERE n = :k % $ROOT_COUNT \gset
\endif
EOF
}
# Price as common.lua: 2/5 a bound near the median (half the catalog), 3/5 log-uniform bounds.
price() {
  cat <<'EOF'
\set pk random(1, 5)
\set near 99.5 * (0.6 + random(0, 900000) / 1000000.0)
\set low exp(ln(0.99) + random(0, 1000000) / 1000000.0 * (ln(9999.99) - ln(0.99)))
\set minp CASE WHEN :pk = 2 THEN :near ELSE :low END
\set maxp CASE WHEN :pk = 1 THEN :near WHEN :pk = 4 THEN :low ELSE :low * (1.05 + random(0, 2000000) / 1000000.0) END
EOF
  band_cut minp; band_cut maxp
}
# The lower cut of a price's band (price_bands, sql/015: 0.01 × 1.05^i rounded to the cent), which the service takes
# from the cuts it holds (PriceBands.CutsAsync): i from the logarithm, then the cent rounding checked on either side.
# Equal to price_band() for 200,000 prices drawn between 0.50 and 20,000 (checked in psql, 2026-12-03).
band_cut() { # $1: the price variable
  cat <<EOF
\set bi int(ln(:$1 * 100) / ln(1.05))
\set ${1}cut CASE WHEN int(pow(1.05, :bi + 1) + 0.5) / 100.0 <= :$1 THEN int(pow(1.05, :bi + 1) + 0.5) / 100.0 WHEN int(pow(1.05, :bi) + 0.5) / 100.0 <= :$1 THEN int(pow(1.05, :bi) + 0.5) / 100.0 ELSE int(pow(1.05, :bi - 1) + 0.5) / 100.0 END
EOF
}
# The page, then the count unless a short last page already told it (PagedQuery).
page_count() {
  cat <<EOF
\set page_rows 0
SELECT p.*, count(*) OVER () AS page_rows FROM (SELECT $COLUMNS FROM products WHERE $1 ORDER BY id LIMIT :lim OFFSET :off) p \aset
\if :page_rows >= :lim or (:page_rows = 0 and :off > 0)
SELECT count(*) FROM products WHERE $1;
\endif
EOF
}
# The page and $2, its kept total, in one round trip (PagedQuery.ExecuteWithKeptTotalAsync, an Npgsql batch).
page_with_total() {
  cat <<EOF
\startpipeline
SELECT $COLUMNS FROM products WHERE $1 ORDER BY id LIMIT :lim OFFSET :off;
$2;
\endpipeline
EOF
}
# A price range alone: the page, then its total from the band counts (MaintainedTotals.PriceRangeSql).
AT_MOST="(SELECT coalesce(sum(products), 0) FROM price_counts WHERE band < :maxpcut) + (SELECT count(*) FROM products WHERE price >= :maxpcut AND price <= :maxp)"
BELOW="(SELECT coalesce(sum(products), 0) FROM price_counts WHERE band < :minpcut) + (SELECT count(*) FROM products WHERE price >= :minpcut AND price < :minp)"
range_total() { # $1: the price conditions, as with_price names them
  case $1 in
    "price <= :maxp") echo "SELECT ($AT_MOST)::bigint" ;;
    "price >= :minp") echo "SELECT ((SELECT coalesce(sum(products), 0) FROM price_counts) - ($BELOW))::bigint" ;;
    *) echo "SELECT ($AT_MOST - ($BELOW))::bigint" ;;
  esac
}
price_alone() { page_with_total "$1" "$(range_total "$1")"; }
CATALOG="SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = 0"
# Beside a text or category filter, a range holding over 1/32 of the catalog is tested as price + 0, which the
# price index does not cover (PriceFilter).
# The service tells by the band counts it holds (PriceBands, read again every few seconds, not per search); here the
# share comes from the prices' distribution, log-uniform between the manifest's bounds as DataGen draws them.
read -r PRICE_MIN PRICE_MAX < <(sed -n 's/^  price = { min = \([0-9.]*\), max = \([0-9.]*\) },/\1 \2/p' "$MANIFEST")
share_at_most() { echo "greatest(0.0, least(1.0, ln($1 / $PRICE_MIN) / ln($PRICE_MAX / $PRICE_MIN)))"; }
price_case() { # $1: emitter, $2: the price conditions, $3: the conditions after them, $4: "beside" or empty
  if [[ -z $4 ]]; then $1 "$2$3"; return; fi
  case $2 in
    "price <= :maxp") echo "\\set share $(share_at_most :maxp)" ;;
    "price >= :minp") echo "\\set share 1.0 - $(share_at_most :minp)" ;;
    *) echo "\\set share $(share_at_most :maxp) - $(share_at_most :minp)" ;;
  esac
  echo '\if :share * 32 > 1'; $1 "${2//price/price + 0}$3"; echo '\else'; $1 "$2$3"; echo '\endif'
}
# Page and total in one statement (OnePassPage), of the ids a statement selects.
one_pass_of() {
  echo "WITH matches AS MATERIALIZED ($1), total AS (SELECT count(*) AS n FROM matches) SELECT $PAGE_COLUMNS, total.n FROM total LEFT JOIN products p ON p.id IN (SELECT id FROM matches ORDER BY id LIMIT :lim OFFSET :off) ORDER BY p.id;"
}
one_pass() { one_pass_of "SELECT id FROM products WHERE $1"; }
# A word's matches from its narrow copy (ProductTexts), which holds its price too.
one_pass_copy() { one_pass_of "SELECT id FROM product_texts WHERE $1"; }
# A category with a price range or a term (RootSubtree): category_root in place of the path when the category's row is
# a root with current product paths, else the path's GIN index. Without a term, the root branch tests the price by
# the (category_root, price, id) index however broad the range; with one, as price_case chose.
ROOT_GATE="(SELECT parent_id IS NULL AND product_paths_current FROM categories WHERE id = :cat)"
root_or_path() { # $1: the path branch's conditions; $2: "text" when they hold a term; $3: the root branch's table
  local root=${1/"$CATEGORY"/category_root = :cat::bigint}
  [[ ${2:-} == text ]] || root=${root//price + 0/price}
  one_pass_of "SELECT id FROM ${3:-products} WHERE $root AND $ROOT_GATE UNION ALL SELECT id FROM products WHERE $1 AND NOT coalesce($ROOT_GATE, false)"
}
# The tree's size when the category is a root with current product paths, else -1 (RootSubtree.Walk's tree SQL).
TREE_SIZE="coalesce((SELECT CASE WHEN $ROOT_GATE THEN (SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = :cat) END), -1)"
# A walk of a root's tree in id order on the (category_root, id) b-tree (RootSubtree.Walk). The service writes the root
# as a range of literals, so here each root has its own branch; $1: the conditions, @R standing for the root.
tree_walk() {
  local keyword='\if' root
  for root in ${ROOTS//,/ }; do
    echo "$keyword :cat = $root"
    echo "SELECT $COLUMNS FROM products WHERE id IN (SELECT id FROM products WHERE ${1//@R/$root} AND $ROOT_GATE ORDER BY category_root, id LIMIT :lim OFFSET :off) ORDER BY id;"
    keyword='\elif'
  done
  echo '\endif'
}
ROOT_RANGE="category_root >= @R AND category_root <= @R"
# The kept total ($2), the catalog's size and a root's tree's first, then a walk of the tree's index alone (at any
# offset), or of the primary key or one pass (KnownTotalPage; integer form of (offset + limit) × catalog ÷ total ≤
# total ÷ 2).
known_total() {
  cat <<EOF
SELECT ($2) AS total, ($CATALOG) AS catalog, $TREE_SIZE AS tree \gset
\if :off < :total
\if :tree >= 0
$(tree_walk "$ROOT_RANGE")
\elif :tree < 0 and 2 * (:off + :lim) * :catalog <= :total * :total
SELECT $COLUMNS FROM products WHERE $1 ORDER BY id LIMIT :lim OFFSET :off;
\else
$(one_pass "$1")
\endif
\endif
EOF
}
# Conditions in the service's order: text, min price, max price, category.
TEXT_SHORT="search_grams @> ARRAY[:term::text]"
TEXT_LIKE="search_text LIKE :pattern"
CATEGORY="category_path @> ARRAY[:cat::bigint]"
GRAM_TOTAL="SELECT coalesce(sum(products), 0)::bigint FROM gram_counts WHERE gram = :term"
CATEGORY_TOTAL="SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = :cat"
PAGE_COLUMNS=$(sed "s/[a-z_]\+/p.&/g" <<<"$COLUMNS")
# A short term alone: its counts per id range give the total and the page's bounds (0 when there is no match), then a
# walk of those ids testing = ANY or the matches collected there, sorted by id + 0 with plain index scans off for the
# pipeline's implicit transaction (GramRangePage; integer form of (skip + limit) × ids ÷ matches ≤ total ÷ 4 + matches).
GRAM_BOUNDS="WITH ranges AS (SELECT id_range, sum(products) AS n FROM gram_counts WHERE gram = :term GROUP BY id_range HAVING sum(products) > 0), \
running AS (SELECT id_range, n, sum(n) OVER (ORDER BY id_range) AS through FROM ranges) \
SELECT coalesce(max(through), 0)::bigint AS total, \
coalesce(gram_id_range_start(min(id_range) FILTER (WHERE through > :off)), 0) AS first_id, \
coalesce(min(through - n) FILTER (WHERE through > :off), 0)::bigint AS before, \
coalesce(gram_id_range_start(coalesce(min(id_range) FILTER (WHERE through >= :off::bigint + :lim::bigint), max(id_range)) + 1), 0) AS end_id, \
coalesce(min(through) FILTER (WHERE through >= :off::bigint + :lim::bigint), max(through), 0)::bigint AS through FROM running"
gram_range() {
  cat <<EOF
$GRAM_BOUNDS \gset
\if :off < :total
\set skip :off - :before
\if 4 * (:skip + :lim) * (:end_id - :first_id) <= (:total + 4 * (:through - :before)) * (:through - :before)
SELECT $COLUMNS FROM products WHERE :term::text = ANY (search_grams) AND id >= :first_id AND id < :end_id ORDER BY id LIMIT :lim OFFSET :skip;
\else
\startpipeline
SELECT set_config('enable_indexscan', 'off', true);
SELECT $COLUMNS FROM products WHERE $TEXT_SHORT AND id >= :first_id AND id < :end_id ORDER BY id + 0 LIMIT :lim OFFSET :skip;
\endpipeline
\endif
\endif
EOF
}
text_alone() {
  echo '\if :short'; gram_range; echo '\else'; one_pass_copy "$TEXT_LIKE"; echo '\endif'
}
# A one-character term on an early page: its kept total says whether to walk, then count, or to collect the matches
# in one pass (ProductSearchQuery).
short_with_price() { # $1: the price conditions
  echo '\if :one_char = 1 and :off < 500'
  echo "SELECT ($GRAM_TOTAL) AS term_total, ($CATALOG) AS catalog \\gset"
  echo '\if :term_total > 0 and 2 * (:off + :lim) * :catalog <= :term_total * :term_total'
  page_count "$TEXT_SHORT AND $1"
  echo '\else'; one_pass "$TEXT_SHORT AND $1"; echo '\endif'
  echo '\else'; one_pass "$TEXT_SHORT AND $1"; echo '\endif'
}
word_with_price() { one_pass_copy "$TEXT_LIKE AND $1"; }
# A word's copy has no price index, so no band total is read first for it.
text_with_price() {
  echo '\if :short'; with_price short_with_price "" beside; echo '\else'; with_price word_with_price ""; echo '\endif'
}
text_in_category() { # $1: the conditions after the text one
  echo '\if :short'; root_or_path "$TEXT_SHORT AND $1" text; echo '\else'; root_or_path "$TEXT_LIKE AND $1" text product_texts; echo '\endif'
}
# A short term within a category and nothing else: the root's kept total (-1 when the category is no root with current
# product paths, which then takes both branches' one pass) and its tree's size, then a walk of the tree or the one pass
# (KnownTotalPage).
ROOT_TERM_TOTAL="SELECT CASE WHEN $ROOT_GATE THEN (SELECT coalesce(sum(products), 0)::bigint FROM root_gram_counts WHERE category_root = :cat::bigint AND gram = :term) END"
text_in_category_alone() {
  local path="$TEXT_SHORT AND $CATEGORY"
  echo '\if :short'
  cat <<EOF
SELECT coalesce(($ROOT_TERM_TOTAL), -1) AS total, ($CATALOG) AS catalog, $TREE_SIZE AS tree \gset
\if :total < 0
$(root_or_path "$path" text)
\elif :off < :total
\if 2 * (:off + :lim) * :tree <= :total * :total
$(tree_walk ":term::text = ANY (search_grams) AND $ROOT_RANGE")
\else
$(root_or_path "$path" text)
\endif
\endif
EOF
  echo '\else'; root_or_path "$TEXT_LIKE AND $CATEGORY" text product_texts; echo '\endif'
}
with_price() { # $1: emitter, $2: conditions after the price ones, $3: "beside" when a text or category filter is set
  local after=${2:+ AND $2}
  echo '\if :pk = 1 or :pk = 4'; price_case "$1" "price <= :maxp" "$after" "${3:-}"
  echo '\elif :pk = 5'; price_case "$1" "price >= :minp AND price <= :maxp" "$after" "${3:-}"
  echo '\else'; price_case "$1" "price >= :minp" "$after" "${3:-}"; echo '\endif'
}
shape() { # $1: name, then emitters
  local name=$1; shift
  { paging; for part in "$@"; do eval "$part"; done; } >"$SCRIPTS/$name.sql"
}
shape text 'text_term' 'text_alone'
shape sku 'sku_term' 'one_pass_copy "$TEXT_LIKE"'
shape price 'price' 'with_price price_alone ""'
shape category 'category' 'known_total "$CATEGORY" "$CATEGORY_TOTAL"'
shape text_price 'text_term' 'price' 'text_with_price'
shape text_category 'text_term' 'category' 'text_in_category_alone'
shape category_price 'category' 'price' 'with_price root_or_path "$CATEGORY" beside'
shape text_category_price 'text_term' 'category' 'price' 'with_price text_in_category "$CATEGORY" beside'

echo "== pgbench floor: $CLIENTS clients, $THREADS threads, ${SECONDS_TO_RUN}s on port $PGPORT (scripts: $SCRIPTS)"
"$BIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M "${BENCH_FLOOR_PROTOCOL:-prepared}" -c "$CLIENTS" -j "$THREADS" -T "$SECONDS_TO_RUN" \
  -f "$SCRIPTS/text.sql@24" -f "$SCRIPTS/sku.sql@8" -f "$SCRIPTS/price.sql@12" -f "$SCRIPTS/category.sql@12" \
  -f "$SCRIPTS/text_price.sql@12" -f "$SCRIPTS/text_category.sql@12" -f "$SCRIPTS/category_price.sql@10" \
  -f "$SCRIPTS/text_category_price.sql@10" ${BENCH_FLOOR_OPTIONS:-} catalog
