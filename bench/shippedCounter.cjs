// The token counter as the extension ships it: our core (compiled into out/) over the merge file that the
// build writes into dist/ranks. CommonJS, so that the code the benches run in workers and in fresh processes
// can require it by path as well.
const { join } = require('node:path');

/** `paths`: the bench context's `out` and `dist` folders. */
module.exports = function shippedCounter(paths, encoding) {
	const { RankTable } = require(join(paths.out, 'src/core/tokens/rankTable.js'));
	const { BpeCounter } = require(join(paths.out, 'src/core/tokens/counter.js'));
	return new BpeCounter(encoding, RankTable.fromMergeFile(require(join(paths.dist, 'ranks', `${encoding}.js`))));
};
