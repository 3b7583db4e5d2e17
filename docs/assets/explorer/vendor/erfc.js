/* @stdlib/math-base-special-erfc 0.2.5 (Apache-2.0, see LICENSE-stdlib), bundled by scripts/vendor_js.sh */
(()=>{var i=(r,t)=>()=>{try{return t||r((t={exports:{}}).exports,t),t.exports}catch(a){throw t=0,a}};var ir=i((gc,tr)=>{"use strict";function vs(r){return r!==r}tr.exports=vs});var l=i((dc,ar)=>{"use strict";var ps=ir();ar.exports=ps});var nr=i((hc,sr)=>{"use strict";var fs=Math.floor;sr.exports=fs});var or=i((_c,ur)=>{"use strict";var ls=nr();ur.exports=ls});var vr=i((mc,cr)=>{"use strict";var ys=Math.ceil;cr.exports=ys});var fr=i((Ec,pr)=>{"use strict";var qs=vr();pr.exports=qs});var yr=i((Sc,lr)=>{"use strict";var As=or(),gs=fr();function ds(r){return r<0?gs(r):As(r)}lr.exports=ds});var Ar=i((Ic,qr)=>{"use strict";var hs=yr();qr.exports=hs});var dr=i((wc,gr)=>{"use strict";gr.exports=Number});var _r=i((bc,hr)=>{"use strict";var _s=dr();hr.exports=_s});var y=i((Nc,mr)=>{"use strict";var ms=_r(),Es=ms.NEGATIVE_INFINITY;mr.exports=Es});var q=i((Oc,Er)=>{"use strict";var Ss=Number.POSITIVE_INFINITY;Er.exports=Ss});var w=i((xc,Sr)=>{"use strict";var Is=1023;Sr.exports=Is});var wr=i((Uc,Ir)=>{"use strict";var ws=1023;Ir.exports=ws});var Nr=i((Tc,br)=>{"use strict";var bs=-1023;br.exports=bs});var xr=i((Fc,Or)=>{"use strict";var Ns=-1074;Or.exports=Ns});var Tr=i((Lc,Ur)=>{"use strict";var Os=q(),xs=y();function Us(r){return r===Os||r===xs}Ur.exports=Us});var b=i((Pc,Fr)=>{"use strict";var Ts=Tr();Fr.exports=Ts});var Pr=i((Rc,Lr)=>{"use strict";var Fs=2147483648;Lr.exports=Fs});var Wr=i((Wc,Rr)=>{"use strict";var Ls=2147483647;Rr.exports=Ls});var Mr=i((Gc,Gr)=>{"use strict";var Ps=typeof Object.defineProperty=="function"?Object.defineProperty:null;Gr.exports=Ps});var Xr=i((Mc,Hr)=>{"use strict";var Rs=Mr();function Ws(){try{return Rs({},"x",{}),!0}catch{return!1}}Hr.exports=Ws});var Vr=i((Hc,Cr)=>{"use strict";var Gs=Object.defineProperty;Cr.exports=Gs});var N=i((Xc,Br)=>{"use strict";function Ms(r){return typeof r=="number"}Br.exports=Ms});var O=i((Cc,zr)=>{"use strict";function Hs(r){return r[0]==="-"}function Dr(r){var t="",a;for(a=0;a<r;a++)t+="0";return t}function Xs(r,t,a){var e=!1,s=t-r.length;return s<0||(Hs(r)&&(e=!0,r=r.substr(1)),r=a?r+Dr(s):Dr(s)+r,e&&(r="-"+r)),r}zr.exports=Xs});var Qr=i((Vc,Kr)=>{"use strict";var Cs=N(),Zr=O(),Vs=String.prototype.toLowerCase,$r=String.prototype.toUpperCase;function Bs(r){var t,a,e;switch(r.specifier){case"b":t=2;break;case"o":t=8;break;case"x":case"X":t=16;break;default:t=10;break}if(a=r.arg,e=parseInt(a,10),!isFinite(e)){if(!Cs(a))throw new Error("invalid integer. Value: "+a);e=0}return e<0&&(r.specifier==="u"||t!==10)&&(e=4294967295+e+1),e<0?(a=(-e).toString(t),r.precision&&(a=Zr(a,r.precision,r.padRight)),a="-"+a):(a=e.toString(t),!e&&!r.precision?a="":r.precision&&(a=Zr(a,r.precision,r.padRight)),r.sign&&(a=r.sign+a)),t===16&&(r.alternate&&(a="0x"+a),a=r.specifier===$r.call(r.specifier)?$r.call(a):Vs.call(a)),t===8&&r.alternate&&a.charAt(0)!=="0"&&(a="0"+a),a}Kr.exports=Bs});var Yr=i((Bc,jr)=>{"use strict";function Ds(r){return typeof r=="string"}jr.exports=Ds});var re=i((Dc,kr)=>{"use strict";var zs=Math.abs,Zs=String.prototype.toLowerCase,Jr=String.prototype.toUpperCase,v=String.prototype.replace,$s=/e\+(\d)$/,Ks=/e-(\d)$/,Qs=/^(\d+)$/,js=/^(\d+)e/,Ys=/\.0$/,Js=/\.0*e/,ks=/(\..*[^0])0*e/;function rn(r,t){var a,e;switch(t.specifier){case"e":case"E":e=r.toExponential(t.precision);break;case"f":case"F":e=r.toFixed(t.precision);break;case"g":case"G":zs(r)<1e-4?(a=t.precision,a>0&&(a-=1),e=r.toExponential(a)):e=r.toPrecision(t.precision),t.alternate||(e=v.call(e,ks,"$1e"),e=v.call(e,Js,"e"),e=v.call(e,Ys,""));break;default:throw new Error("invalid double notation. Value: "+t.specifier)}return e=v.call(e,$s,"e+0$1"),e=v.call(e,Ks,"e-0$1"),t.alternate&&(e=v.call(e,Qs,"$1."),e=v.call(e,js,"$1.e")),r>=0&&t.sign&&(e=t.sign+e),e=t.specifier===Jr.call(t.specifier)?Jr.call(e):Zs.call(e),e}kr.exports=rn});var ie=i((zc,te)=>{"use strict";function ee(r){var t="",a;for(a=0;a<r;a++)t+=" ";return t}function en(r,t,a){var e=t-r.length;return e<0||(r=a?r+ee(e):ee(e)+r),r}te.exports=en});var se=i((Zc,ae)=>{"use strict";var tn=Qr(),an=Yr(),sn=N(),nn=re(),un=ie(),on=O(),cn=String.fromCharCode,vn=Array.isArray;function E(r){return r!==r}function pn(r){var t={};return t.specifier=r.specifier,t.precision=r.precision===void 0?1:r.precision,t.width=r.width,t.flags=r.flags||"",t.mapping=r.mapping,t}function fn(r){var t,a,e,s,n,u,o,c,f,m;if(!vn(r))throw new TypeError("invalid argument. First argument must be an array. Value: `"+r+"`.");for(u="",o=1,f=0;f<r.length;f++)if(e=r[f],an(e))u+=e;else{if(t=e.precision!==void 0,e=pn(e),!e.specifier)throw new TypeError("invalid argument. Token is missing `specifier` property. Index: `"+f+"`. Value: `"+e+"`.");for(e.mapping&&(o=e.mapping),a=e.flags,m=0;m<a.length;m++)switch(s=a.charAt(m),s){case" ":e.sign=" ";break;case"+":e.sign="+";break;case"-":e.padRight=!0,e.padZeros=!1;break;case"0":e.padZeros=a.indexOf("-")<0;break;case"#":e.alternate=!0;break;default:throw new Error("invalid flag: "+s)}if(e.width==="*"){if(e.width=parseInt(arguments[o],10),o+=1,E(e.width))throw new TypeError("the argument for * width at position "+o+" is not a number. Value: `"+e.width+"`.");e.width<0&&(e.padRight=!0,e.width=-e.width)}if(t&&e.precision==="*"){if(e.precision=parseInt(arguments[o],10),o+=1,E(e.precision))throw new TypeError("the argument for * precision at position "+o+" is not a number. Value: `"+e.precision+"`.");e.precision<0&&(e.precision=1,t=!1)}switch(e.arg=arguments[o],e.specifier){case"b":case"o":case"x":case"X":case"d":case"i":case"u":t&&(e.padZeros=!1),e.arg=tn(e);break;case"s":e.maxWidth=t?e.precision:-1,e.arg=String(e.arg);break;case"c":if(!E(e.arg)){if(n=parseInt(e.arg,10),n<0||n>127)throw new Error("invalid character code. Value: "+e.arg);e.arg=E(n)?String(e.arg):cn(n)}break;case"e":case"E":case"f":case"F":case"g":case"G":if(t||(e.precision=6),c=parseFloat(e.arg),!isFinite(c)){if(!sn(e.arg))throw new Error("invalid floating-point number. Value: "+u);c=e.arg,e.padZeros=!1}e.arg=nn(c,e);break;default:throw new Error("invalid specifier: "+e.specifier)}e.maxWidth>=0&&e.arg.length>e.maxWidth&&(e.arg=e.arg.substring(0,e.maxWidth)),e.padZeros?e.arg=on(e.arg,e.width||e.precision,e.padRight):e.width&&(e.arg=un(e.arg,e.width,e.padRight)),u+=e.arg||"",o+=1}return u}ae.exports=fn});var ue=i(($c,ne)=>{"use strict";var ln=se();ne.exports=ln});var ce=i((Kc,oe)=>{"use strict";var S=/%(?:([1-9]\d*)\$)?([0 +\-#]*)(\*|\d+)?(?:(\.)(\*|\d+)?)?[hlL]?([%A-Za-z])/g;function yn(r){var t={mapping:r[1]?parseInt(r[1],10):void 0,flags:r[2],width:r[3],precision:r[5],specifier:r[6]};return r[4]==="."&&r[5]===void 0&&(t.precision="1"),t}function qn(r){var t,a,e,s;for(a=[],s=0,e=S.exec(r);e;)t=r.slice(s,S.lastIndex-e[0].length),t.length&&a.push(t),e[6]==="%"?a.push("%"):a.push(yn(e)),s=S.lastIndex,e=S.exec(r);return t=r.slice(s),t.length&&a.push(t),a}oe.exports=qn});var pe=i((Qc,ve)=>{"use strict";var An=ce();ve.exports=An});var le=i((jc,fe)=>{"use strict";function gn(r){return typeof r=="string"}fe.exports=gn});var Ae=i((Yc,qe)=>{"use strict";var dn=ue(),hn=pe(),_n=le();function ye(r){var t,a;if(!_n(r))throw new TypeError(ye("invalid argument. First argument must be a string. Value: `%s`.",r));for(t=[hn(r)],a=1;a<arguments.length;a++)t.push(arguments[a]);return dn.apply(null,t)}qe.exports=ye});var de=i((Jc,ge)=>{"use strict";var mn=Ae();ge.exports=mn});var Ie=i((kc,Se)=>{"use strict";var he=de(),p=Object.prototype,_e=p.toString,me=p.__defineGetter__,Ee=p.__defineSetter__,En=p.__lookupGetter__,Sn=p.__lookupSetter__;function In(r,t,a){var e,s,n,u;if(typeof r!="object"||r===null||_e.call(r)==="[object Array]")throw new TypeError(he("invalid argument. First argument must be an object. Value: `%s`.",r));if(typeof a!="object"||a===null||_e.call(a)==="[object Array]")throw new TypeError(he("invalid argument. Property descriptor must be an object. Value: `%s`.",a));if(s="value"in a,s&&(En.call(r,t)||Sn.call(r,t)?(e=r.__proto__,r.__proto__=p,delete r[t],r[t]=a.value,r.__proto__=e):r[t]=a.value),n="get"in a,u="set"in a,s&&(n||u))throw new Error("invalid argument. Cannot specify one or more accessors and a value or writable attribute in the property descriptor.");return n&&me&&me.call(r,t,a.get),u&&Ee&&Ee.call(r,t,a.set),r}Se.exports=In});var be=i((rv,we)=>{"use strict";var wn=Xr(),bn=Vr(),Nn=Ie(),x;wn()?x=bn:x=Nn;we.exports=x});var Oe=i((ev,Ne)=>{"use strict";var On=be();function xn(r,t,a){On(r,t,{configurable:!1,enumerable:!1,writable:!1,value:a})}Ne.exports=xn});var U=i((tv,xe)=>{"use strict";var Un=Oe();xe.exports=Un});var Te=i((iv,Ue)=>{"use strict";function Tn(){return typeof Symbol=="function"&&typeof Symbol("foo")=="symbol"}Ue.exports=Tn});var Le=i((av,Fe)=>{"use strict";var Fn=Te();Fe.exports=Fn});var Re=i((sv,Pe)=>{"use strict";var Ln=Le(),Pn=Ln();function Rn(){return Pn&&typeof Symbol.toStringTag=="symbol"}Pe.exports=Rn});var Ge=i((nv,We)=>{"use strict";var Wn=Re();We.exports=Wn});var T=i((uv,Me)=>{"use strict";var Gn=Object.prototype.toString;Me.exports=Gn});var Xe=i((ov,He)=>{"use strict";var Mn=T();function Hn(r){return Mn.call(r)}He.exports=Hn});var Ve=i((cv,Ce)=>{"use strict";var Xn=Object.prototype.hasOwnProperty;function Cn(r,t){return r==null?!1:Xn.call(r,t)}Ce.exports=Cn});var De=i((vv,Be)=>{"use strict";var Vn=Ve();Be.exports=Vn});var Ze=i((pv,ze)=>{"use strict";var Bn=typeof Symbol=="function"?Symbol:void 0;ze.exports=Bn});var Ke=i((fv,$e)=>{"use strict";var Dn=Ze();$e.exports=Dn});var Ye=i((lv,je)=>{"use strict";var Qe=Ke(),zn=typeof Qe=="function"?Qe.toStringTag:"";je.exports=zn});var ke=i((yv,Je)=>{"use strict";var Zn=De(),A=Ye(),F=T();function $n(r){var t,a,e;if(r==null)return F.call(r);a=r[A],t=Zn(r,A);try{r[A]=void 0}catch{return F.call(r)}return e=F.call(r),t?r[A]=a:delete r[A],e}Je.exports=$n});var g=i((qv,rt)=>{"use strict";var Kn=Ge(),Qn=Xe(),jn=ke(),L;Kn()?L=jn:L=Qn;rt.exports=L});var tt=i((Av,et)=>{"use strict";var Yn=g(),Jn=typeof Uint32Array=="function";function kn(r){return Jn&&r instanceof Uint32Array||Yn(r)==="[object Uint32Array]"}et.exports=kn});var at=i((gv,it)=>{"use strict";var ru=tt();it.exports=ru});var nt=i((dv,st)=>{"use strict";var eu=4294967295;st.exports=eu});var ot=i((hv,ut)=>{"use strict";var tu=typeof Uint32Array=="function"?Uint32Array:null;ut.exports=tu});var pt=i((_v,vt)=>{"use strict";var iu=at(),P=nt(),ct=ot();function au(){var r,t;if(typeof ct!="function")return!1;try{t=[1,3.14,-3.14,P+1,P+2],t=new ct(t),r=iu(t)&&t[0]===1&&t[1]===3&&t[2]===P-2&&t[3]===0&&t[4]===1}catch{r=!1}return r}vt.exports=au});var lt=i((mv,ft)=>{"use strict";var su=pt();ft.exports=su});var qt=i((Ev,yt)=>{"use strict";var nu=typeof Uint32Array=="function"?Uint32Array:void 0;yt.exports=nu});var gt=i((Sv,At)=>{"use strict";function uu(){throw new Error("not implemented")}At.exports=uu});var d=i((Iv,dt)=>{"use strict";var ou=lt(),cu=qt(),vu=gt(),R;ou()?R=cu:R=vu;dt.exports=R});var _t=i((wv,ht)=>{"use strict";var pu=g(),fu=typeof Float64Array=="function";function lu(r){return fu&&r instanceof Float64Array||pu(r)==="[object Float64Array]"}ht.exports=lu});var Et=i((bv,mt)=>{"use strict";var yu=_t();mt.exports=yu});var It=i((Nv,St)=>{"use strict";var qu=typeof Float64Array=="function"?Float64Array:null;St.exports=qu});var Nt=i((Ov,bt)=>{"use strict";var Au=Et(),wt=It();function gu(){var r,t;if(typeof wt!="function")return!1;try{t=new wt([1,3.14,-3.14,NaN]),r=Au(t)&&t[0]===1&&t[1]===3.14&&t[2]===-3.14&&t[3]!==t[3]}catch{r=!1}return r}bt.exports=gu});var xt=i((xv,Ot)=>{"use strict";var du=Nt();Ot.exports=du});var Tt=i((Uv,Ut)=>{"use strict";var hu=typeof Float64Array=="function"?Float64Array:void 0;Ut.exports=hu});var Lt=i((Tv,Ft)=>{"use strict";function _u(){throw new Error("not implemented")}Ft.exports=_u});var h=i((Fv,Pt)=>{"use strict";var mu=xt(),Eu=Tt(),Su=Lt(),W;mu()?W=Eu:W=Su;Pt.exports=W});var Wt=i((Lv,Rt)=>{"use strict";var Iu=g(),wu=typeof Uint8Array=="function";function bu(r){return wu&&r instanceof Uint8Array||Iu(r)==="[object Uint8Array]"}Rt.exports=bu});var Mt=i((Pv,Gt)=>{"use strict";var Nu=Wt();Gt.exports=Nu});var Xt=i((Rv,Ht)=>{"use strict";var Ou=255;Ht.exports=Ou});var Vt=i((Wv,Ct)=>{"use strict";var xu=typeof Uint8Array=="function"?Uint8Array:null;Ct.exports=xu});var zt=i((Gv,Dt)=>{"use strict";var Uu=Mt(),G=Xt(),Bt=Vt();function Tu(){var r,t;if(typeof Bt!="function")return!1;try{t=[1,3.14,-3.14,G+1,G+2],t=new Bt(t),r=Uu(t)&&t[0]===1&&t[1]===3&&t[2]===G-2&&t[3]===0&&t[4]===1}catch{r=!1}return r}Dt.exports=Tu});var $t=i((Mv,Zt)=>{"use strict";var Fu=zt();Zt.exports=Fu});var Qt=i((Hv,Kt)=>{"use strict";var Lu=typeof Uint8Array=="function"?Uint8Array:void 0;Kt.exports=Lu});var Yt=i((Xv,jt)=>{"use strict";function Pu(){throw new Error("not implemented")}jt.exports=Pu});var kt=i((Cv,Jt)=>{"use strict";var Ru=$t(),Wu=Qt(),Gu=Yt(),M;Ru()?M=Wu:M=Gu;Jt.exports=M});var ei=i((Vv,ri)=>{"use strict";var Mu=g(),Hu=typeof Uint16Array=="function";function Xu(r){return Hu&&r instanceof Uint16Array||Mu(r)==="[object Uint16Array]"}ri.exports=Xu});var ii=i((Bv,ti)=>{"use strict";var Cu=ei();ti.exports=Cu});var si=i((Dv,ai)=>{"use strict";var Vu=65535;ai.exports=Vu});var ui=i((zv,ni)=>{"use strict";var Bu=typeof Uint16Array=="function"?Uint16Array:null;ni.exports=Bu});var vi=i((Zv,ci)=>{"use strict";var Du=ii(),H=si(),oi=ui();function zu(){var r,t;if(typeof oi!="function")return!1;try{t=[1,3.14,-3.14,H+1,H+2],t=new oi(t),r=Du(t)&&t[0]===1&&t[1]===3&&t[2]===H-2&&t[3]===0&&t[4]===1}catch{r=!1}return r}ci.exports=zu});var fi=i(($v,pi)=>{"use strict";var Zu=vi();pi.exports=Zu});var yi=i((Kv,li)=>{"use strict";var $u=typeof Uint16Array=="function"?Uint16Array:void 0;li.exports=$u});var Ai=i((Qv,qi)=>{"use strict";function Ku(){throw new Error("not implemented")}qi.exports=Ku});var di=i((jv,gi)=>{"use strict";var Qu=fi(),ju=yi(),Yu=Ai(),X;Qu()?X=ju:X=Yu;gi.exports=X});var _i=i((Yv,hi)=>{"use strict";var Ju=kt(),ku=di(),ro={uint16:ku,uint8:Ju};hi.exports=ro});var Ii=i((Jv,Si)=>{"use strict";var mi=_i(),Ei;function eo(){var r,t;return r=new mi.uint16(1),r[0]=4660,t=new mi.uint8(r.buffer),t[0]===52}Ei=eo();Si.exports=Ei});var _=i((kv,wi)=>{"use strict";var to=Ii();wi.exports=to});var Oi=i((rp,Ni)=>{"use strict";var io=_(),bi,C,V;io===!0?(C=1,V=0):(C=0,V=1);bi={HIGH:C,LOW:V};Ni.exports=bi});var B=i((ep,Fi)=>{"use strict";var ao=d(),so=h(),Ui=Oi(),Ti=new so(1),xi=new ao(Ti.buffer),no=Ui.HIGH,uo=Ui.LOW;function oo(r,t,a,e){return Ti[0]=r,t[e]=xi[no],t[e+a]=xi[uo],t}Fi.exports=oo});var Pi=i((tp,Li)=>{"use strict";var co=B();function vo(r){return co(r,[0,0],1,0)}Li.exports=vo});var D=i((ip,Wi)=>{"use strict";var po=U(),Ri=Pi(),fo=B();po(Ri,"assign",fo);Wi.exports=Ri});var Mi=i((ap,Gi)=>{"use strict";var lo=_(),z;lo===!0?z=1:z=0;Gi.exports=z});var Ci=i((sp,Xi)=>{"use strict";var yo=d(),qo=h(),Ao=Mi(),Hi=new qo(1),go=new yo(Hi.buffer);function ho(r){return Hi[0]=r,go[Ao]}Xi.exports=ho});var Z=i((np,Vi)=>{"use strict";var _o=Ci();Vi.exports=_o});var zi=i((up,Di)=>{"use strict";var mo=_(),Bi,$,K;mo===!0?($=1,K=0):($=0,K=1);Bi={HIGH:$,LOW:K};Di.exports=Bi});var ji=i((op,Qi)=>{"use strict";var Eo=d(),So=h(),$i=zi(),Ki=new So(1),Zi=new Eo(Ki.buffer),Io=$i.HIGH,wo=$i.LOW;function bo(r,t){return Zi[Io]=r,Zi[wo]=t,Ki[0]}Qi.exports=bo});var Q=i((cp,Yi)=>{"use strict";var No=ji();Yi.exports=No});var ki=i((vp,Ji)=>{"use strict";var Oo=Pr(),xo=Wr(),Uo=D(),To=Z(),Fo=Q(),j=[0,0];function Lo(r,t){var a,e;return Uo.assign(r,j,1,0),a=j[0],a&=xo,e=To(t),e&=Oo,a|=e,Fo(a,j[1])}Ji.exports=Lo});var ea=i((pp,ra)=>{"use strict";var Po=ki();ra.exports=Po});var ia=i((fp,ta)=>{"use strict";var Ro=22250738585072014e-324;ta.exports=Ro});var sa=i((lp,aa)=>{"use strict";function Wo(r){return Math.abs(r)}aa.exports=Wo});var ua=i((yp,na)=>{"use strict";var Go=sa();na.exports=Go});var Y=i((qp,oa)=>{"use strict";var Mo=ia(),Ho=b(),Xo=l(),Co=ua(),Vo=4503599627370496;function Bo(r,t,a,e){return Xo(r)||Ho(r)?(t[e]=r,t[e+a]=0,t):r!==0&&Co(r)<Mo?(t[e]=r*Vo,t[e+a]=-52,t):(t[e]=r,t[e+a]=0,t)}oa.exports=Bo});var va=i((Ap,ca)=>{"use strict";var Do=Y();function zo(r){return Do(r,[0,0],1,0)}ca.exports=zo});var la=i((gp,fa)=>{"use strict";var Zo=U(),pa=va(),$o=Y();Zo(pa,"assign",$o);fa.exports=pa});var qa=i((dp,ya)=>{"use strict";var Ko=2146435072;ya.exports=Ko});var ga=i((hp,Aa)=>{"use strict";var Qo=Z(),jo=qa(),Yo=w();function Jo(r){var t=Qo(r);return t=(t&jo)>>>20,t-Yo|0}Aa.exports=Jo});var ha=i((_p,da)=>{"use strict";var ko=ga();da.exports=ko});var ma=i((mp,_a)=>{"use strict";var r0=q(),e0=y(),t0=w(),i0=wr(),a0=Nr(),s0=xr(),n0=l(),u0=b(),o0=ea(),c0=la().assign,v0=ha(),p0=D(),f0=Q(),l0=2220446049250313e-31,y0=2148532223,J=[0,0],k=[0,0];function q0(r,t){var a,e;return t===0||r===0||n0(r)||u0(r)?r:(c0(r,J,1,0),r=J[0],t+=J[1],t+=v0(r),t<s0?o0(0,r):t>i0?r<0?e0:r0:(t<=a0?(t+=52,e=l0):e=1,p0.assign(r,k,1,0),a=k[0],a&=y0,a|=t+t0<<20,e*f0(a,k[1])))}_a.exports=q0});var Sa=i((Ep,Ea)=>{"use strict";var A0=ma();Ea.exports=A0});var wa=i((Sp,Ia)=>{"use strict";function g0(r){return r===0?.16666666666666602:.16666666666666602+r*(-.0027777777777015593+r*(6613756321437934e-20+r*(-16533902205465252e-22+r*41381367970572385e-24)))}Ia.exports=g0});var Na=i((Ip,ba)=>{"use strict";var d0=Sa(),h0=wa();function _0(r,t,a){var e,s,n,u;return e=r-t,s=e*e,n=e-s*h0(s),u=1-(t-e*n/(2-n)-r),d0(u,a)}ba.exports=_0});var La=i((wp,Fa)=>{"use strict";var m0=l(),Oa=Ar(),E0=y(),xa=q(),S0=Na(),I0=.6931471803691238,w0=19082149292705877e-26,Ua=1.4426950408889634,b0=709.782712893384,N0=-745.1332191019411,Ta=1/(1<<28),O0=-Ta;function x0(r){var t,a,e;return m0(r)||r===xa?r:r===E0?0:r>b0?xa:r<N0?0:r>O0&&r<Ta?1+r:(r<0?e=Oa(Ua*r-.5):e=Oa(Ua*r+.5),t=r-e*I0,a=e*w0,S0(t,a,e))}Fa.exports=x0});var Ra=i((bp,Pa)=>{"use strict";var U0=La();Pa.exports=U0});var Ga=i((Np,Wa)=>{"use strict";var T0=_(),rr;T0===!0?rr=0:rr=1;Wa.exports=rr});var Ha=i((Op,Ma)=>{"use strict";var F0=d(),L0=h(),P0=Ga(),er=new L0(1),R0=new F0(er.buffer);function W0(r,t){return er[0]=r,R0[P0]=t>>>0,er[0]}Ma.exports=W0});var Ca=i((xp,Xa)=>{"use strict";var G0=Ha();Xa.exports=G0});var Ba=i((Up,Va)=>{"use strict";function M0(r){return r===0?-.3250421072470015:-.3250421072470015+r*(-.02848174957559851+r*(-.005770270296489442+r*-23763016656650163e-21))}Va.exports=M0});var za=i((Tp,Da)=>{"use strict";function H0(r){return r===0?.39791722395915535:.39791722395915535+r*(.0650222499887673+r*(.005081306281875766+r*(.00013249473800432164+r*-3960228278775368e-21)))}Da.exports=H0});var $a=i((Fp,Za)=>{"use strict";function X0(r){return r===0?.41485611868374833:.41485611868374833+r*(-.3722078760357013+r*(.31834661990116175+r*(-.11089469428239668+r*(.035478304325618236+r*-.002166375594868791))))}Za.exports=X0});var Qa=i((Lp,Ka)=>{"use strict";function C0(r){return r===0?.10642088040084423:.10642088040084423+r*(.540397917702171+r*(.07182865441419627+r*(.12617121980876164+r*(.01363708391202905+r*.011984499846799107))))}Ka.exports=C0});var Ya=i((Pp,ja)=>{"use strict";function V0(r){return r===0?-.6938585727071818:-.6938585727071818+r*(-10.558626225323291+r*(-62.375332450326006+r*(-162.39666946257347+r*(-184.60509290671104+r*(-81.2874355063066+r*-9.814329344169145)))))}ja.exports=V0});var ka=i((Rp,Ja)=>{"use strict";function B0(r){return r===0?19.651271667439257:19.651271667439257+r*(137.65775414351904+r*(434.56587747522923+r*(645.3872717332679+r*(429.00814002756783+r*(108.63500554177944+r*(6.570249770319282+r*-.0604244152148581))))))}Ja.exports=B0});var es=i((Wp,rs)=>{"use strict";function D0(r){return r===0?-.799283237680523:-.799283237680523+r*(-17.757954917754752+r*(-160.63638485582192+r*(-637.5664433683896+r*(-1025.0951316110772+r*-483.5191916086514))))}rs.exports=D0});var is=i((Gp,ts)=>{"use strict";function z0(r){return r===0?30.33806074348246:30.33806074348246+r*(325.7925129965739+r*(1536.729586084437+r*(3199.8582195085955+r*(2553.0504064331644+r*(474.52854120695537+r*-22.44095244658582)))))}ts.exports=z0});var us=i((Mp,ns)=>{"use strict";var Z0=l(),as=Ra(),$0=Ca(),K0=q(),Q0=y(),j0=Ba(),Y0=za(),J0=$a(),k0=Qa(),rc=Ya(),ec=ka(),tc=es(),ic=is(),I=1e-300,ac=13877787807814457e-33,ss=.8450629115104675,sc=.12837916709551256,nc=1,uc=-.0023621185607526594,oc=1,cc=-.009864944034847148,vc=1,pc=-.0098649429247001,fc=1;function lc(r){var t,a,e,s,n,u,o,c;if(Z0(r))return NaN;if(r===K0)return 0;if(r===Q0)return 2;if(r===0)return 1;if(r<0?(t=!0,a=-r):(t=!1,a=r),a<.84375)return a<ac?1-r:(e=r*r,s=sc+e*j0(e),n=nc+e*Y0(e),u=s/n,r<.25?1-(r+r*u):(s=r*u,s+=r-.5,.5-s));if(a<1.25)return n=a-1,o=uc+n*J0(n),c=oc+n*k0(n),t?1+ss+o/c:1-ss-o/c;if(a<28){if(n=1/(a*a),a<2.857142857142857)s=cc+n*rc(n),n=vc+n*ec(n);else{if(r<-6)return 2-I;s=pc+n*tc(n),n=fc+n*ic(n)}return e=$0(a,0),s=as(-(e*e)-.5625)*as((e-a)*(e+a)+s/n),t?2-s/a:s/a}return t?2-I:I*I}ns.exports=lc});var cs=i((Hp,os)=>{"use strict";var yc=us();os.exports=yc});var qc=i(()=>{window.AtlasVendor=Object.assign(window.AtlasVendor||{},{erfc:cs()})});qc();})();
/*! Bundled license information:

@stdlib/math-base-assert-is-nan/lib/main.js:
@stdlib/math-base-assert-is-nan/lib/index.js:
@stdlib/math-base-special-floor/lib/main.js:
@stdlib/math-base-special-floor/lib/index.js:
@stdlib/math-base-special-ceil/lib/main.js:
@stdlib/math-base-special-ceil/lib/index.js:
@stdlib/math-base-special-trunc/lib/main.js:
@stdlib/math-base-special-trunc/lib/index.js:
@stdlib/number-ctor/lib/main.js:
@stdlib/number-ctor/lib/index.js:
@stdlib/constants-float64-ninf/lib/index.js:
@stdlib/constants-float64-pinf/lib/index.js:
@stdlib/constants-float64-exponent-bias/lib/index.js:
@stdlib/constants-float64-max-base2-exponent/lib/index.js:
@stdlib/constants-float64-max-base2-exponent-subnormal/lib/index.js:
@stdlib/constants-float64-min-base2-exponent-subnormal/lib/index.js:
@stdlib/math-base-assert-is-infinite/lib/main.js:
@stdlib/math-base-assert-is-infinite/lib/index.js:
@stdlib/utils-define-property/lib/builtin.js:
@stdlib/utils-define-property/lib/polyfill.js:
@stdlib/utils-define-property/lib/index.js:
@stdlib/utils-define-nonenumerable-read-only-property/lib/main.js:
@stdlib/utils-define-nonenumerable-read-only-property/lib/index.js:
@stdlib/assert-has-symbol-support/lib/main.js:
@stdlib/assert-has-symbol-support/lib/index.js:
@stdlib/assert-has-tostringtag-support/lib/main.js:
@stdlib/assert-has-tostringtag-support/lib/index.js:
@stdlib/utils-native-class/lib/tostring.js:
@stdlib/utils-native-class/lib/main.js:
@stdlib/assert-has-own-property/lib/main.js:
@stdlib/assert-has-own-property/lib/index.js:
@stdlib/symbol-ctor/lib/main.js:
@stdlib/symbol-ctor/lib/index.js:
@stdlib/utils-native-class/lib/tostringtag.js:
@stdlib/utils-native-class/lib/polyfill.js:
@stdlib/utils-native-class/lib/index.js:
@stdlib/assert-is-uint32array/lib/main.js:
@stdlib/assert-is-uint32array/lib/index.js:
@stdlib/constants-uint32-max/lib/index.js:
@stdlib/assert-has-uint32array-support/lib/uint32array.js:
@stdlib/assert-has-uint32array-support/lib/main.js:
@stdlib/assert-has-uint32array-support/lib/index.js:
@stdlib/array-uint32/lib/main.js:
@stdlib/array-uint32/lib/polyfill.js:
@stdlib/array-uint32/lib/index.js:
@stdlib/assert-is-float64array/lib/main.js:
@stdlib/assert-is-float64array/lib/index.js:
@stdlib/assert-has-float64array-support/lib/float64array.js:
@stdlib/assert-has-float64array-support/lib/main.js:
@stdlib/assert-has-float64array-support/lib/index.js:
@stdlib/array-float64/lib/main.js:
@stdlib/array-float64/lib/polyfill.js:
@stdlib/array-float64/lib/index.js:
@stdlib/assert-is-uint8array/lib/main.js:
@stdlib/assert-is-uint8array/lib/index.js:
@stdlib/constants-uint8-max/lib/index.js:
@stdlib/assert-has-uint8array-support/lib/uint8array.js:
@stdlib/assert-has-uint8array-support/lib/main.js:
@stdlib/assert-has-uint8array-support/lib/index.js:
@stdlib/array-uint8/lib/main.js:
@stdlib/array-uint8/lib/polyfill.js:
@stdlib/array-uint8/lib/index.js:
@stdlib/assert-is-uint16array/lib/main.js:
@stdlib/assert-is-uint16array/lib/index.js:
@stdlib/constants-uint16-max/lib/index.js:
@stdlib/assert-has-uint16array-support/lib/uint16array.js:
@stdlib/assert-has-uint16array-support/lib/main.js:
@stdlib/assert-has-uint16array-support/lib/index.js:
@stdlib/array-uint16/lib/main.js:
@stdlib/array-uint16/lib/polyfill.js:
@stdlib/array-uint16/lib/index.js:
@stdlib/assert-is-little-endian/lib/ctors.js:
@stdlib/assert-is-little-endian/lib/main.js:
@stdlib/assert-is-little-endian/lib/index.js:
@stdlib/number-float64-base-to-words/lib/indices.js:
@stdlib/number-float64-base-to-words/lib/assign.js:
@stdlib/number-float64-base-to-words/lib/main.js:
@stdlib/number-float64-base-to-words/lib/index.js:
@stdlib/number-float64-base-get-high-word/lib/high.js:
@stdlib/number-float64-base-get-high-word/lib/main.js:
@stdlib/number-float64-base-get-high-word/lib/index.js:
@stdlib/number-float64-base-from-words/lib/indices.js:
@stdlib/number-float64-base-from-words/lib/main.js:
@stdlib/number-float64-base-from-words/lib/index.js:
@stdlib/math-base-special-copysign/lib/main.js:
@stdlib/math-base-special-copysign/lib/index.js:
@stdlib/constants-float64-smallest-normal/lib/index.js:
@stdlib/math-base-special-abs/lib/index.js:
@stdlib/number-float64-base-normalize/lib/assign.js:
@stdlib/number-float64-base-normalize/lib/main.js:
@stdlib/number-float64-base-normalize/lib/index.js:
@stdlib/constants-float64-high-word-exponent-mask/lib/index.js:
@stdlib/number-float64-base-exponent/lib/main.js:
@stdlib/number-float64-base-exponent/lib/index.js:
@stdlib/math-base-special-ldexp/lib/main.js:
@stdlib/math-base-special-ldexp/lib/index.js:
@stdlib/math-base-special-exp/lib/index.js:
@stdlib/number-float64-base-set-low-word/lib/low.js:
@stdlib/number-float64-base-set-low-word/lib/main.js:
@stdlib/number-float64-base-set-low-word/lib/index.js:
@stdlib/math-base-special-erfc/lib/index.js:
  (**
  * @license Apache-2.0
  *
  * Copyright (c) 2018 The Stdlib Authors.
  *
  * Licensed under the Apache License, Version 2.0 (the "License");
  * you may not use this file except in compliance with the License.
  * You may obtain a copy of the License at
  *
  *    http://www.apache.org/licenses/LICENSE-2.0
  *
  * Unless required by applicable law or agreed to in writing, software
  * distributed under the License is distributed on an "AS IS" BASIS,
  * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
  * See the License for the specific language governing permissions and
  * limitations under the License.
  *)

@stdlib/constants-float64-high-word-sign-mask/lib/index.js:
@stdlib/constants-float64-high-word-abs-mask/lib/index.js:
@stdlib/string-base-format-interpolate/lib/is_number.js:
@stdlib/string-base-format-interpolate/lib/zero_pad.js:
@stdlib/string-base-format-interpolate/lib/format_integer.js:
@stdlib/string-base-format-interpolate/lib/is_string.js:
@stdlib/string-base-format-interpolate/lib/format_double.js:
@stdlib/string-base-format-interpolate/lib/space_pad.js:
@stdlib/string-base-format-interpolate/lib/main.js:
@stdlib/string-base-format-interpolate/lib/index.js:
@stdlib/string-base-format-tokenize/lib/main.js:
@stdlib/string-base-format-tokenize/lib/index.js:
@stdlib/string-format/lib/is_string.js:
@stdlib/string-format/lib/main.js:
@stdlib/string-format/lib/index.js:
@stdlib/math-base-special-exp/lib/polyval_p.js:
@stdlib/math-base-special-erfc/lib/polyval_pp.js:
@stdlib/math-base-special-erfc/lib/polyval_qq.js:
@stdlib/math-base-special-erfc/lib/polyval_pa.js:
@stdlib/math-base-special-erfc/lib/polyval_qa.js:
@stdlib/math-base-special-erfc/lib/polyval_ra.js:
@stdlib/math-base-special-erfc/lib/polyval_sa.js:
@stdlib/math-base-special-erfc/lib/polyval_rb.js:
@stdlib/math-base-special-erfc/lib/polyval_sb.js:
  (**
  * @license Apache-2.0
  *
  * Copyright (c) 2022 The Stdlib Authors.
  *
  * Licensed under the Apache License, Version 2.0 (the "License");
  * you may not use this file except in compliance with the License.
  * You may obtain a copy of the License at
  *
  *    http://www.apache.org/licenses/LICENSE-2.0
  *
  * Unless required by applicable law or agreed to in writing, software
  * distributed under the License is distributed on an "AS IS" BASIS,
  * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
  * See the License for the specific language governing permissions and
  * limitations under the License.
  *)

@stdlib/utils-define-property/lib/define_property.js:
@stdlib/utils-define-property/lib/has_define_property_support.js:
@stdlib/math-base-special-abs/lib/main.js:
  (**
  * @license Apache-2.0
  *
  * Copyright (c) 2021 The Stdlib Authors.
  *
  * Licensed under the Apache License, Version 2.0 (the "License");
  * you may not use this file except in compliance with the License.
  * You may obtain a copy of the License at
  *
  *    http://www.apache.org/licenses/LICENSE-2.0
  *
  * Unless required by applicable law or agreed to in writing, software
  * distributed under the License is distributed on an "AS IS" BASIS,
  * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
  * See the License for the specific language governing permissions and
  * limitations under the License.
  *)

@stdlib/math-base-special-exp/lib/expmulti.js:
@stdlib/math-base-special-exp/lib/main.js:
  (**
  * @license Apache-2.0
  *
  * Copyright (c) 2018 The Stdlib Authors.
  *
  * Licensed under the Apache License, Version 2.0 (the "License");
  * you may not use this file except in compliance with the License.
  * You may obtain a copy of the License at
  *
  *    http://www.apache.org/licenses/LICENSE-2.0
  *
  * Unless required by applicable law or agreed to in writing, software
  * distributed under the License is distributed on an "AS IS" BASIS,
  * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
  * See the License for the specific language governing permissions and
  * limitations under the License.
  *
  *
  * ## Notice
  *
  * The following copyrights, licenses, and long comment were part of the original implementation available as part of [Go]{@link https://github.com/golang/go/blob/cb07765045aed5104a3df31507564ac99e6ddce8/src/math/exp.go}, which in turn was based on an implementation available as part of [FreeBSD]{@link https://svnweb.freebsd.org/base/release/9.3.0/lib/msun/src/e_exp.c}. The implementation follows the original, but has been modified for JavaScript.
  *
  * ```text
  * Copyright (c) 2009 The Go Authors. All rights reserved.
  *
  * Redistribution and use in source and binary forms, with or without
  * modification, are permitted provided that the following conditions are
  * met:
  *
  *    * Redistributions of source code must retain the above copyright
  * notice, this list of conditions and the following disclaimer.
  *    * Redistributions in binary form must reproduce the above
  * copyright notice, this list of conditions and the following disclaimer
  * in the documentation and/or other materials provided with the
  * distribution.
  *    * Neither the name of Google Inc. nor the names of its
  * contributors may be used to endorse or promote products derived from
  * this software without specific prior written permission.
  *
  * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
  * "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
  * LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
  * A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT
  * OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
  * SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
  * LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
  * DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
  * THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
  * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
  * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
  * ```
  *
  * ```text
  * Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
  *
  * Developed at SunPro, a Sun Microsystems, Inc. business.
  * Permission to use, copy, modify, and distribute this
  * software is freely granted, provided that this notice
  * is preserved.
  * ```
  *)

@stdlib/math-base-special-erfc/lib/main.js:
  (**
  * @license Apache-2.0
  *
  * Copyright (c) 2018 The Stdlib Authors.
  *
  * Licensed under the Apache License, Version 2.0 (the "License");
  * you may not use this file except in compliance with the License.
  * You may obtain a copy of the License at
  *
  *    http://www.apache.org/licenses/LICENSE-2.0
  *
  * Unless required by applicable law or agreed to in writing, software
  * distributed under the License is distributed on an "AS IS" BASIS,
  * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
  * See the License for the specific language governing permissions and
  * limitations under the License.
  *
  *
  * ## Notice
  *
  * The following copyright, license, and long comment were part of the original implementation available as part of [FreeBSD]{@link https://svnweb.freebsd.org/base/release/9.3.0/lib/msun/src/s_erf.c}. The implementation follows the original, but has been modified for JavaScript.
  *
  * ```text
  * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
  *
  * Developed at SunPro, a Sun Microsystems, Inc. business.
  * Permission to use, copy, modify, and distribute this
  * software is freely granted, provided that this notice
  * is preserved.
  * ```
  *)
*/
