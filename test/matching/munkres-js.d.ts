// Types of munkres-js (it ships none): Hungarian algorithm on a cost matrix.
declare module 'munkres-js' {
  function computeMunkres(costMatrix: number[][]): Array<[number, number]>;
  export = computeMunkres;
}
