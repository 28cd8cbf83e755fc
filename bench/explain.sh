#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the statements the service's search sends for each query shape (issue #13), in the
# plan it picks (ProductSearchQuery: kept totals first where it reads them, then a primary-key walk or the one-pass
# statement as KnownTotalPage's rule says; a term alone's page from its id ranges, GramRangePage; one pass; page then
# total), against the bench database of
# bench/setup.sh (BENCH_PGPORT, default 55433), each statement run twice in one session and the second (warm) shown.
#   bench/explain.sh > bench/out/explain.txt
# The root category is the first bushy root of bench/out/dataset.lua; terms are fixed examples of each shape.
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${BENCH_PGPORT:-55433}
MANIFEST=${BENCH_DATASET:-bench/out/dataset.lua}
BIN=$(for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -V | tail -1)
ROOT=$(sed -n 's/^  bushy_roots = { \([0-9]*\),.*/\1/p' "$MANIFEST")
CHAIN=$(sed -n 's/^  deep_chain = { first = [0-9]*, last = \([0-9]*\) },/\1/p' "$MANIFEST")
COLUMNS="id, title, description, image_url, sku, price, category_id, created_at, updated_at, version, on_hand, reserved"
PAGE_COLUMNS=$(sed 's/[a-z_]\+/p.&/g' <<<"$COLUMNS")
CATALOG="SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = 0"

# name | plan | WHERE clause as the service writes it (values inlined; the service binds them) | limit | offset | key
# plans: ranges (a term alone: the counts per id range of the gram in "key", then the page from those ranges), kept
# (kept total in "key", then walk or one pass), tree (a root, alone or with a short term: kept total in "key", then a
# walk of the root's tree or one pass), one-pass, price (page, then the band total of "key"),
# sparse (a 1-character term with a price: the term's kept total decides between one pass and page-then-count),
# copy (one pass over a word's copy, product_texts, which holds price and root too; the page read from products).
# A price range beside a text or category filter is written as the service writes it after reading the range's band
# total (PriceFilter): price + 0 when it holds over 1/32 of the catalog (150.00 holds about half), else price.
SHAPES=(
  "1-character Korean term|ranges|search_grams @> ARRAY['냉'::text]|20|0|냉"
  "2-character Korean term|ranges|search_grams @> ARRAY['냉장'::text]|20|0|냉장"
  "2-character Chinese term|ranges|search_grams @> ARRAY['背包'::text]|20|0|背包"
  "1-character Latin term|ranges|search_grams @> ARRAY['é'::text]|20|0|é"
  "1-character Latin term, deep offset|ranges|search_grams @> ARRAY['é'::text]|20|1000|é"
  "1-character Chinese term, deep offset|ranges|search_grams @> ARRAY['星'::text]|20|1000|星"
  "every SKU ('0')|ranges|search_grams @> ARRAY['0'::text]|20|0|0"
  "word (trigrams)|copy|search_text LIKE '%kühlschrank%'|20|0|"
  "partial SKU (trigrams)|copy|search_text LIKE '%00123%'|20|0|"
  "price range, half the catalog|price|price <= 150.00|20|0|150.00"
  "price half, deep offset|price|price <= 150.00|20|5000|150.00"
  "root subtree|tree|category_path @> ARRAY[$ROOT::bigint]|20|0|SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = $ROOT"
  "root subtree, deep offset|tree|category_path @> ARRAY[$ROOT::bigint]|20|5000|SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = $ROOT"
  "1-character Latin term within root subtree, offset 1,000|tree|search_grams @> ARRAY['c'::text] AND category_root = $ROOT::bigint|20|1000|SELECT coalesce(sum(products), 0)::bigint FROM root_gram_counts WHERE category_root = $ROOT AND gram = 'c'"
  "deep-chain category (level 100)|kept|category_path @> ARRAY[$CHAIN::bigint]|20|0|SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = $CHAIN"
  "rare 1-character term + price half|sparse|search_grams @> ARRAY['냉'::text] AND price + 0 <= 150.00|20|0|SELECT coalesce(sum(products), 0)::bigint FROM gram_counts WHERE gram = '냉'"
  "2-character term + price half + root subtree|one-pass|search_grams @> ARRAY['무선'::text] AND category_path @> ARRAY[$ROOT::bigint] AND price + 0 <= 150.00|20|0|"
  "word + price half|copy|search_text LIKE '%kühlschrank%' AND price <= 150.00|20|0|"
  "word + narrow price|copy|search_text LIKE '%kühlschrank%' AND price >= 60.00 AND price <= 62.00|20|0|"
  "root subtree + price half|one-pass|category_path @> ARRAY[$ROOT::bigint] AND price + 0 <= 150.00|20|0|"
  "root subtree + price half, root range (what a root with current paths takes)|one-pass|category_root = $ROOT AND price <= 150.00|20|0|"
  "2-character term + price half + root subtree, root branch (what a root with current paths takes)|one-pass|search_grams @> ARRAY['무선'::text] AND category_root = $ROOT::bigint AND price + 0 <= 150.00|20|0|"
  "word + root subtree|one-pass|search_text LIKE '%кофеварка%' AND category_path @> ARRAY[$ROOT::bigint]|20|0|"
  "word + root subtree, root branch (what a root with current paths takes)|copy|search_text LIKE '%кофеварка%' AND category_root = $ROOT::bigint|20|0|"
  "broadest 1-character term + root subtree, root branch|one-pass|search_grams @> ARRAY['0'::text] AND category_root = $ROOT::bigint|20|0|"
)

run() { "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d catalog -X -qAt -c "$1"; }
explain() { # $1: shape name, $2: statement
  echo
  echo "### $1"
  echo "$2"
  # Both runs in one session, as the service's pooled connections are: a new backend's first touch of each shared
  # buffer page costs a page fault, which would be measured as query time.
  "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d catalog -X -qAt -c '\o /dev/null' \
    -c "EXPLAIN (ANALYZE, BUFFERS) $2" -c '\o' -c "EXPLAIN (ANALYZE, BUFFERS) $2"
}
one_pass() { echo "WITH matches AS MATERIALIZED (SELECT id FROM ${4:-products} WHERE $1), total AS (SELECT count(*) AS n FROM matches) SELECT $PAGE_COLUMNS, total.n FROM total LEFT JOIN products p ON p.id IN (SELECT id FROM matches ORDER BY id LIMIT $2 OFFSET $3) ORDER BY p.id"; }
walk() { echo "SELECT $COLUMNS FROM products WHERE $1 ORDER BY id LIMIT $2 OFFSET $3"; }
# The total and the page's id bounds of a term alone from its counts per id range (GramRangePage).
gram_bounds() { # gram offset limit
  echo "WITH ranges AS (SELECT id_range, sum(products) AS n FROM gram_counts WHERE gram = '$1' GROUP BY id_range HAVING sum(products) > 0), running AS (SELECT id_range, n, sum(n) OVER (ORDER BY id_range) AS through FROM ranges) SELECT coalesce(max(through), 0)::bigint, gram_id_range_start(min(id_range) FILTER (WHERE through > $2)), min(through - n) FILTER (WHERE through > $2)::bigint, gram_id_range_start(coalesce(min(id_range) FILTER (WHERE through >= $2 + $3), max(id_range)) + 1), coalesce(min(through) FILTER (WHERE through >= $2 + $3), max(through))::bigint FROM running"
}
# The tree walk's filter as RootSubtree.Walk writes it: the root as a range of literals, a term tested with = ANY.
tree_where() {
  sed -E "s/category_path @> ARRAY\[([0-9]+)::bigint\]|category_root = ([0-9]+)::bigint/category_root >= \1\2 AND category_root <= \1\2/; s/search_grams @> ARRAY\[('[^']*'::text)\]/\1 = ANY (search_grams)/" <<<"$1"
}
walk_is_cheaper() { # total rows limit offset (KnownTotalPage.WalkIsCheaper)
  (( $1 > 0 && 2 * ($4 + $3) * $2 <= $1 * $1 ))
}

echo "-- $(run 'SELECT count(*) FROM products') products; root $ROOT; deep-chain leaf $CHAIN; $(run 'SELECT version()' | cut -d' ' -f1-2)"
for shape in "${SHAPES[@]}"; do
  IFS='|' read -r name plan where limit offset key <<<"$shape"
  case $plan in
    ranges)
      bounds=$(gram_bounds "$key" "$offset" "$limit")
      explain "$name" "$bounds"
      IFS='|' read -r total first before end through < <(run "$bounds")
      if (( offset < total )); then
        skip=$((offset - before)); there=$((through - before))
        # GramRangePage.WalkIsCheaper: (skip + limit) × ids ÷ matches ≤ total ÷ 4 + matches.
        if (( 4 * (skip + limit) * (end - first) <= (total + 4 * there) * there )); then
          explain "$name: walk of ids $first-$((end - 1)) ($there of the $total matches there)" \
            "SELECT $COLUMNS FROM products WHERE '$key'::text = ANY (search_grams) AND id >= $first AND id < $end ORDER BY id LIMIT $limit OFFSET $skip"
        else
          explain "$name: matches of ids $first-$((end - 1)) collected ($there of the $total there)" \
            "SELECT $COLUMNS FROM products WHERE $where AND id >= $first AND id < $end ORDER BY id LIMIT $limit OFFSET $skip"
        fi
      fi
      ;;
    kept | sparse)
      totals="SELECT ($key), ($CATALOG)"
      explain "$name" "$totals"
      IFS='|' read -r total catalog < <(run "$totals")
      if walk_is_cheaper "$total" "$catalog" "$limit" "$offset"; then
        if [[ $plan == kept ]]; then
          explain "$name: walk ($total of $catalog match)" "$(walk "$where" "$limit" "$offset")"
        else
          explain "$name: walk, then count ($total of $catalog hold the term)" "$(walk "$where" "$limit" "$offset")"
          explain "$name: count" "SELECT count(*) FROM products WHERE $where"
        fi
      else
        explain "$name: one pass ($total of $catalog match)" "$(one_pass "$where" "$limit" "$offset")"
      fi
      ;;
    tree)
      totals="SELECT ($key), ($CATALOG), (SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = $ROOT)"
      explain "$name" "$totals"
      IFS='|' read -r total catalog tree < <(run "$totals")
      # A walk of the root alone reads its index only, at any offset (RootWalk.IndexOnly).
      if [[ $where != *search_grams* ]] || walk_is_cheaper "$total" "$tree" "$limit" "$offset"; then
        explain "$name: walk of the tree ($total of its $tree match)" \
          "SELECT $COLUMNS FROM products WHERE id IN (SELECT id FROM products WHERE $(tree_where "$where") ORDER BY category_root, id LIMIT $limit OFFSET $offset) ORDER BY id"
      else
        explain "$name: one pass ($total of the tree's $tree match)" "$(one_pass "$where" "$limit" "$offset")"
      fi
      ;;
    one-pass) explain "$name: one pass" "$(one_pass "$where" "$limit" "$offset")" ;;
    copy) explain "$name: one pass over the copy" "$(one_pass "$where" "$limit" "$offset" product_texts)" ;;
    price)
      explain "$name: page" "$(walk "$where" "$limit" "$offset")"
      # The service sends the bound's band cut, from the cuts it holds (PriceBands.CutsAsync), as a value.
      band=$(run "SELECT price_band($key)")
      explain "$name: total from the bands" "SELECT ((SELECT coalesce(sum(products), 0) FROM price_counts WHERE band < $band) + (SELECT count(*) FROM products WHERE price >= $band AND price <= $key))::bigint"
      ;;
  esac
done
