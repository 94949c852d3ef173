#!/usr/bin/env bash
# (Re)vendor the map page's browser assets from npm at pinned versions, so the page
# loads nothing from a CDN.  Run from anywhere; writes static/vendor/<pkg>/ in the repo.
#
#   scripts/vendor_static.sh
#
# Each package is fetched with `npm pack <pkg>@<ver>` into a temp dir (no install, no
# lifecycle scripts), its dist files and LICENSE are copied, and static/VENDORED.md is
# the human-readable record of what came from where.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
dest="$repo/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# package@version | files to copy (relative to the package root) | target dir name
pack() {
    local spec="$1" name="$2"; shift 2
    local dir="$tmp/$name"
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent --ignore-scripts "$spec" >/dev/null && tar xzf ./*.tgz)
    rm -rf "${dest:?}/$name"
    mkdir -p "$dest/$name"
    for f in "$@"; do
        mkdir -p "$dest/$name/$(dirname "$f")"
        cp -r "$dir/package/$f" "$dest/$name/$f"
    done
    # Every vendored package ships its licence next to its files.
    for lic in LICENSE LICENSE.md LICENSE.txt MIT-LICENCE.txt; do
        if [[ -f "$dir/package/$lic" ]]; then cp "$dir/package/$lic" "$dest/$name/LICENSE"; break; fi
    done
    [[ -f "$dest/$name/LICENSE" ]] || { echo "no licence file in $spec" >&2; exit 1; }
    echo "vendored $spec -> static/vendor/$name"
}

pack leaflet@1.9.4 leaflet \
    dist/leaflet.js dist/leaflet.js.map dist/leaflet.css dist/images
pack leaflet.markercluster@1.5.3 leaflet.markercluster \
    dist/leaflet.markercluster.js dist/leaflet.markercluster.js.map \
    dist/MarkerCluster.css dist/MarkerCluster.Default.css
